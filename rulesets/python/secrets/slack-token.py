import os

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient as Webhook

# ruleid: python.secrets.slack-token
SLACK_BOT_TOKEN = "xoxb-264199827455-4097027836970-joQoaF1LlqsajAIxNKu8iS2G"


def user_client():
    # ruleid: python.secrets.slack-token
    return WebClient(token="xoxp-782686013562-845842401730-1952365123713-ecccc3fc1626e53a13043b026c48bbf3")


def alerts():
    # ruleid: python.secrets.slack-token
    return Webhook("https://hooks.slack.com/services/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")


def bot_client_safe():
    # ok: python.secrets.slack-token
    return WebClient(token=os.environ["SLACK_BOT_TOKEN"])


def docs_example():
    # ok: python.secrets.slack-token
    return WebClient(token="xoxb-your-token")


def is_bot_token(token):
    # ok: python.secrets.slack-token
    return token.startswith("xoxb-")
