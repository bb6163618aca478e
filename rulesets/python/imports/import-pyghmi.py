"""Power management of the lab servers through their BMCs."""
import importlib
# ruleid: python.imports.import-pyghmi
import pyghmi
# ruleid: python.imports.import-pyghmi
from pyghmi.ipmi import command
# ruleid: python.imports.import-pyghmi
import pyghmi.ipmi.command as ipmi_command
# ruleid: python.imports.import-pyghmi
from pyghmi.exceptions import IpmiException
# ruleid: python.imports.import-pyghmi
from pyghmi.ipmi.command import (
    Command,
)
# ok: python.imports.import-pyghmi
import requests
# ok: python.imports.import-pyghmi
from sushy import Sushy
# ok: python.imports.import-pyghmi
from .bmc import pyghmi_compat


def power_cycle(bmc, user, password):
    try:
        ipmi_command.Command(bmc=bmc, userid=user, password=password).set_power("boot")
    except IpmiException:
        return False
    return True


def reset_redfish(bmc, user, password):
    client = Sushy(f"https://{bmc}/redfish/v1", username=user, password=password)
    # ok: python.imports.import-pyghmi
    client.get_system("/redfish/v1/Systems/1").reset_system("ForceRestart")


def driver(name):
    if name == "ipmi":
        # ruleid: python.imports.import-pyghmi
        return importlib.import_module("pyghmi.ipmi.command")
    # ok: python.imports.import-pyghmi
    return importlib.import_module("sushy")


def lazy_sensors(bmc, user, password):
    # ruleid: python.imports.import-pyghmi
    from pyghmi.ipmi.command import Command as LazyCommand

    return list(LazyCommand(bmc=bmc, userid=user, password=password).get_sensor_data())
