from pysnmp import hlapi
from pysnmp.hlapi import (
    CommunityData,
    UsmUserData,
    usmAesCfb128Protocol,
    usmHMACSHAAuthProtocol,
)
import pysnmp.hlapi as snmp


def no_auth(user):
    # ruleid: python.network.snmp-weak-cryptography
    return UsmUserData(user)


def auth_no_priv(user, auth_key):
    # ruleid: python.network.snmp-weak-cryptography
    return snmp.UsmUserData(user, auth_key, authProtocol=usmHMACSHAAuthProtocol)


def keys_by_name(user, auth_key, priv_key):
    # Bandit counts positional arguments only, so this call is reported too.
    # ruleid: python.network.snmp-weak-cryptography
    return hlapi.UsmUserData(
        user,
        authKey=auth_key,
        privKey=priv_key,
    )


def from_settings(user, auth_key, settings):
    # ruleid: python.network.snmp-weak-cryptography
    return UsmUserData(user, auth_key, **settings.snmp_options)


def auth_priv(user, auth_key, priv_key):
    # ok: python.network.snmp-weak-cryptography
    return UsmUserData(
        user,
        auth_key,
        priv_key,
        authProtocol=usmHMACSHAAuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )


def auth_priv_defaults(user, auth_key, priv_key):
    # ok: python.network.snmp-weak-cryptography
    return snmp.UsmUserData(user, auth_key, priv_key)


def community(name):
    # ok: python.network.snmp-weak-cryptography
    return CommunityData(name, mpModel=1)
