"""Reports an airdrop bot to the Airdrops Monitoring agent: ``Reporter(url, token).attach(risk_manager=rm, ...)``."""

from .reporter import PushResult, Reporter
from .snapshots import FieldError
from .status import StatusServer
from .webhooks import verify_webhook

__all__ = ["FieldError", "PushResult", "Reporter", "StatusServer", "verify_webhook"]
__version__ = "0.1.0"
