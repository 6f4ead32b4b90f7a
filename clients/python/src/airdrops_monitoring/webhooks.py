"""Verifies the agent's webhooks: the Standard Webhooks headers, or the agent's own ``X-Signature-256``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Mapping, Optional, Union

#: How far a webhook's timestamp may be from now, seconds: an older request is a replay.
TOLERANCE_SECONDS = 300


def _key(secret: Union[str, bytes]) -> bytes:
    """The HMAC key: a ``whsec_`` secret is base64 after its prefix (the Standard Webhooks convention); any other
    secret is its own UTF-8 bytes, as the agent's configuration gives it."""
    if isinstance(secret, bytes):
        return secret
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode("utf-8")


def verify_webhook(
    secret: Union[str, bytes],
    headers: Mapping[str, str],
    body: bytes,
    *,
    tolerance: int = TOLERANCE_SECONDS,
    now: Optional[float] = None,
) -> bool:
    """True when ``body`` came from the agent with ``secret``, comparing in constant time.

    With the Standard Webhooks headers (``webhook-id``, ``webhook-timestamp``, ``webhook-signature``), the
    signature is checked over ``id.timestamp.body`` and a timestamp more than ``tolerance`` seconds from now is
    refused (a replay). Without them, the agent's ``X-Signature-256: sha256=<hex>`` over the body is checked; it has
    no timestamp, so prefer the standard headers.
    """
    lower = {name.lower(): value for name, value in headers.items()}
    key = _key(secret)
    if "webhook-signature" in lower:
        event_id = lower.get("webhook-id", "")
        stamp = lower.get("webhook-timestamp", "")
        try:
            sent = int(stamp)
        except ValueError:
            return False
        if abs((time.time() if now is None else now) - sent) > tolerance:
            return False
        signed = f"{event_id}.{stamp}.".encode("utf-8") + body
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
        for candidate in lower["webhook-signature"].split():
            version, _, signature = candidate.partition(",")
            if version == "v1" and hmac.compare_digest(signature.encode("ascii", "replace"), expected):
                return True
        return False
    legacy = lower.get("x-signature-256", "")
    if not legacy.startswith("sha256="):
        return False
    expected_hex = hmac.new(key, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(legacy[len("sha256="):].encode("ascii", "replace"), expected_hex.encode("ascii"))
