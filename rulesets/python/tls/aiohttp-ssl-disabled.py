import asyncio
import ssl

import aiohttp
from aiohttp import ClientSession, TCPConnector

INTERNAL_CA = "/etc/ssl/certs/internal-ca.pem"


async def fetch_metrics(url):
    async with aiohttp.ClientSession() as session:
        # ruleid: python.tls.aiohttp-ssl-disabled
        async with session.get(url, ssl=False) as resp:
            return await resp.json()


def insecure_session():
    # ruleid: python.tls.aiohttp-ssl-disabled
    connector = TCPConnector(limit=20, ssl=False)
    return ClientSession(connector=connector)


async def push(session, url, payload):
    async with session.post(
        url,
        json=payload,
        # ruleid: python.tls.aiohttp-ssl-disabled
        verify_ssl=False,
    ) as resp:
        return resp.status


async def one_shot(url):
    # ruleid: python.tls.aiohttp-ssl-disabled
    async with aiohttp.request("GET", url, ssl=False) as resp:
        return await resp.text()


async def fetch_metrics_safe(url):
    ctx = ssl.create_default_context(cafile=INTERNAL_CA)
    async with aiohttp.ClientSession() as session:
        # ok: python.tls.aiohttp-ssl-disabled
        async with session.get(url, ssl=ctx) as resp:
            return await resp.json()


def session_safe():
    # ok: python.tls.aiohttp-ssl-disabled
    return ClientSession(connector=TCPConnector(limit=20))


async def plain_tcp(host, port):
    # ok: python.tls.aiohttp-ssl-disabled
    return await asyncio.open_connection(host, port, ssl=False)
