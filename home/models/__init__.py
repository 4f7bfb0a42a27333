from .base import PortalPage
from .home_page import HomePage
from .site_settings import SiteSettings

__all__ = ["HomePage", "PortalPage", "SiteSettings"]
