import os

import stripe
from stripe import StripeClient as Stripe

# ruleid: python.secrets.stripe-secret-key
stripe.api_key = "sk_live_h2FDEEtfjgVvVqE1SkHbn88H"


def reporting_client():
    # ruleid: python.secrets.stripe-secret-key
    return Stripe("rk_live_xjSI6bWHtP3fS2qHx6kwXoIIXGvOoNZYW2")


def refund(charge_id):
    return stripe.Refund.create(
        charge=charge_id,
        # ruleid: python.secrets.stripe-secret-key
        api_key="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",
    )


def configure_safe():
    # ok: python.secrets.stripe-secret-key
    stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def test_client():
    # ok: python.secrets.stripe-secret-key
    return Stripe("sk_test_h2FDEEtfjgVvVqE1SkHbn88H")


def publishable_key():
    # ok: python.secrets.stripe-secret-key
    return "pk_live_h2FDEEtfjgVvVqE1SkHbn88H"


def is_live(key):
    # ok: python.secrets.stripe-secret-key
    return key.startswith("sk_live_")
