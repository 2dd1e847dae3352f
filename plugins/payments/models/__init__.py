"""Models of the payments plugin: the fee catalogue, payments, settlements, refunds and statements."""

from .credentials import GatewayCredentials
from .fees import Fee, Payee
from .payments import Checkout, GatewayEvent, Payment, PaymentLine, PaymentStatus, Settlement
from .refunds import Refund, RefundStatus
from .statements import BankStatement, StatementLine

__all__ = [
    "BankStatement",
    "Checkout",
    "Fee",
    "GatewayCredentials",
    "GatewayEvent",
    "Payee",
    "Payment",
    "PaymentLine",
    "PaymentStatus",
    "Refund",
    "RefundStatus",
    "Settlement",
    "StatementLine",
]
