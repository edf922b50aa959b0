"""The farm: identity, billing details and settings from the "Ferme" sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..model.weeks import IsoWeek
from .source import Source


@dataclass
class Farm:
    name: str
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = None
    legal_form: str | None = None
    siren: str | None = None
    siret: str | None = None
    vat_number: str | None = None
    vat_regime: str | None = None  # "real", "franchise" or "flat_rate"
    registration: str | None = None
    share_capital: Decimal | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    iban: str | None = None
    bic: str | None = None
    invoice_prefix: str | None = None
    payment_days: int | None = None
    late_penalty_rate: Decimal | None = None
    logo: str | None = None
    base_uri: str | None = None
    organic_certifier: str | None = None
    harvest_margin: Decimal | None = None
    season_start: IsoWeek | None = None
    language: str | None = None
    source: Source | None = None

    @property
    def country_code(self) -> str:
        return (self.country or "FR").upper()

    def today(self) -> dt.date:
        return dt.date.today()
