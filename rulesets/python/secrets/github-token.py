import os

import requests
from github import Github
from github import Github as GitHubApi

# ruleid: python.secrets.github-token
GITHUB_TOKEN = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"


def client():
    # ruleid: python.secrets.github-token
    return GitHubApi("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")


def list_installations():
    headers = {
        # ruleid: python.secrets.github-token
        "Authorization": "Bearer ghs_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR",
        "Accept": "application/vnd.github+json",
    }
    return requests.get("https://api.github.com/app/installations", headers=headers, timeout=10)


# ruleid: python.secrets.github-token
# gho_b8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAw was the old OAuth token


def client_safe():
    # ok: python.secrets.github-token
    return Github(os.environ["GITHUB_TOKEN"])


def token_prefix(token):
    # ok: python.secrets.github-token
    return token.startswith(("ghp_", "github_pat_"))


def placeholder():
    # ok: python.secrets.github-token
    return "ghp_your_token_here"
