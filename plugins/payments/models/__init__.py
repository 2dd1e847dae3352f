"""Models of the payments plugin: the fee catalogue, payments, settlements, refunds and statements."""

from .credentials import GatewayCredentials
from .fees import Currency, Fee, Payee
from .payments import Checkout, GatewayEvent, Payment, PaymentLine, PaymentStatus, Settlement
from .refunds import Refund, RefundGround, RefundRule, RefundStatus
from .reliefs import CaseFeeRelief, FeeRelief, ReliefKind
from .statements import BankStatement, StatementLine

__all__ = [
    "BankStatement",
    "CaseFeeRelief",
    "Currency",
    "FeeRelief",
    "RefundGround",
    "RefundRule",
    "ReliefKind",
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
