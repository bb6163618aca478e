import warnings

import requests
import urllib3
from urllib3.exceptions import InsecurePlatformWarning, InsecureRequestWarning

# ruleid: python.tls.urllib3-disable-warnings
urllib3.disable_warnings()


def quiet_requests():
    # ruleid: python.tls.urllib3-disable-warnings
    requests.packages.urllib3.disable_warnings(InsecureRequestWarning)


def quiet_pool():
    # ruleid: python.tls.urllib3-disable-warnings
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    return urllib3.PoolManager()


def quiet_filter():
    # ruleid: python.tls.urllib3-disable-warnings
    warnings.filterwarnings("ignore", category=InsecureRequestWarning)


def quiet_simple():
    # ruleid: python.tls.urllib3-disable-warnings
    warnings.simplefilter("ignore", InsecureRequestWarning)


def quiet_platform():
    # ok: python.tls.urllib3-disable-warnings
    urllib3.disable_warnings(InsecurePlatformWarning)


def quiet_deprecations():
    # ok: python.tls.urllib3-disable-warnings
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def fail_on_insecure():
    # ok: python.tls.urllib3-disable-warnings
    warnings.simplefilter("error", InsecureRequestWarning)
