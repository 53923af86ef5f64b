"""e-Ternopil: the city's resident portal and staff back office over one shared database."""

__version__ = "0.1.0"
