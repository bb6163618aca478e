from pysnmp import hlapi
from pysnmp.hlapi import (
    CommunityData,
    ContextData,
    ObjectIdentity,
    ObjectType,
    SnmpEngine,
    UdpTransportTarget,
    UsmUserData,
    getCmd,
    usmAesCfb128Protocol,
    usmHMACSHAAuthProtocol,
)
import pysnmp.hlapi as snmp

SNMP_V3 = 3


def read_uptime(host):
    iterator = getCmd(
        SnmpEngine(),
        # ruleid: python.network.snmp-insecure-version
        CommunityData("public", mpModel=0),
        UdpTransportTarget((host, 161)),
        ContextData(),
        ObjectType(ObjectIdentity("SNMPv2-MIB", "sysUpTime", 0)),
    )
    return next(iterator)


def v2c_auth(community):
    # ruleid: python.network.snmp-insecure-version
    return snmp.CommunityData(community, mpModel=1)


def default_auth(community):
    # ruleid: python.network.snmp-insecure-version
    return hlapi.CommunityData(community)


def v3_auth(user, auth_key, priv_key):
    # ok: python.network.snmp-insecure-version
    return UsmUserData(
        user,
        auth_key,
        priv_key,
        authProtocol=usmHMACSHAAuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )


def configured_auth(community, model):
    # ok: python.network.snmp-insecure-version
    return CommunityData(community, mpModel=model)


def describe(version):
    # ok: python.network.snmp-insecure-version
    return {"mpModel": 0, "version": version}
