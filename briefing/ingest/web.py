"""Fetching web pages and feeds politely and within limits.

Every download has a timeout, a size cap and a bounded number of redirects, says who we are
(`briefing/<version>`), and asks the site's robots.txt first. A failure is an `InputError` with a
one-line message naming the URL, so the caller can report it and go on.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from ..errors import InputError

USER_AGENT = f"briefing/{__version__}"
ROBOTS_AGENT = "briefing"  # the token robots.txt rules name
TIMEOUT = 20.0  # seconds for one download, connecting and reading together
MAX_BYTES = 10 * 2**20  # a news page is far below this; anything larger is not one report
MAX_REDIRECTS = 5
CONCURRENCY = 4
_ROBOTS_MAX_BYTES = 512 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)
_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(item: str) -> bool:
    return bool(_URL.match(item.strip()))


def id_from_url(url: str) -> str:
    """A stable id from the last part of the path (`/2017/11/deir-ezzor.html` -> `deir-ezzor`)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return parts.hostname or "page"
    name = segments[-1]
    if "." in name and not name.startswith("."):
        name = name.rsplit(".", 1)[0]
    return re.sub(r"[^\w.-]+", "-", name).strip("-.") or (parts.hostname or "page")


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("text/html")
    body: bytes


class Fetcher:
    """Downloads with limits; one instance per run keeps connections and robots.txt answers."""

    def __init__(self, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, max_redirects: int = MAX_REDIRECTS,
                 concurrency: int = CONCURRENCY, user_agent: str = USER_AGENT, robots: bool = True) -> None:
        import urllib3

        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.concurrency = max(1, concurrency)
        self.user_agent = user_agent
        self.robots = robots
        self._pool = urllib3.PoolManager(
            maxsize=self.concurrency, retries=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                               "application/xml;q=0.9,*/*;q=0.8"})
        self._headers = dict(self._pool.headers)
        self._proxies = urllib.request.getproxies_environment()  # HTTP(S)_PROXY, NO_PROXY, as curl reads them
        self._proxy_pools: dict[str, urllib3.ProxyManager] = {}
        self._robots_rules: dict[str, RobotFileParser | str] = {}
        self._robots_lock = threading.Lock()
        self._site_locks: dict[str, threading.Lock] = {}

    def fetch(self, url: str) -> Response:
        """The body at `url`, following at most `max_redirects` redirects (each hop asks robots.txt)."""
        current = url
        for _hop in range(self.max_redirects + 1):
            if urlsplit(current).scheme.lower() not in ("http", "https"):
                raise InputError(f"{url}: redirected to {current}, which is not a web address")
            if self.robots:
                self._check_robots(current, url)
            response = self._get(current, url, self.max_bytes)
            if isinstance(response, str):  # a redirect: its target
                current = response
                continue
            if response.status >= 400:
                raise InputError(f"{url}: HTTP {response.status}" + (f" at {current}" if current != url else ""))
            return response
        raise InputError(f"{url}: more than {self.max_redirects} redirects")

    def fetch_all(self, urls: Sequence[str]) -> list[Response | InputError]:
        """Fetch concurrently (at most `concurrency` at once); results in the order of `urls`."""
        def one(url: str) -> Response | InputError:
            try:
                return self.fetch(url)
            except InputError as error:
                return error
            except Exception as error:  # a malformed address, an odd server: one source, not the run
                return InputError(f"{url}: cannot be fetched ({type(error).__name__}: {str(error)[:120]})")

        if len(urls) <= 1:
            return [one(u) for u in urls]
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(urls))) as pool:
            return list(pool.map(one, urls))

    def _pool_for(self, url: str):
        parts = urlsplit(url)
        proxy = self._proxies.get(parts.scheme.lower())
        host = parts.hostname or ""
        if (not proxy or host == "localhost" or host.startswith("127.") or host == "::1"
                or urllib.request.proxy_bypass_environment(host, self._proxies)):
            return self._pool
        import urllib3

        with self._robots_lock:
            if proxy not in self._proxy_pools:
                self._proxy_pools[proxy] = urllib3.ProxyManager(proxy, maxsize=self.concurrency, retries=False,
                                                                headers=self._headers)
            return self._proxy_pools[proxy]

    def _get(self, url: str, asked: str, max_bytes: int) -> Response | str:
        import urllib3

        started = time.monotonic()
        try:
            raw = self._pool_for(url).request("GET", url, redirect=False, preload_content=False, decode_content=True,
                                     timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout))
        except urllib3.exceptions.NewConnectionError as error:  # refused, unknown host: urllib3 files it
            raise InputError(f"{asked}: cannot be fetched ({_reason(error)})") from None  # under timeouts
        except urllib3.exceptions.TimeoutError:
            raise InputError(f"{asked}: timed out after {self.timeout:g} s") from None
        except urllib3.exceptions.HTTPError as error:
            raise InputError(f"{asked}: cannot be fetched ({_reason(error)})") from None
        try:
            if raw.status in _REDIRECTS:
                location = raw.headers.get("Location")
                if not location:
                    raise InputError(f"{asked}: HTTP {raw.status} redirect without a Location")
                return urljoin(url, location)
            declared = raw.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{asked}: {_size(int(declared))} is over the {_size(max_bytes)} cap per download")
            chunks, total = [], 0
            for chunk in raw.stream(64 * 1024):
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(f"{asked}: more than the {_size(max_bytes)} cap per download")
                if time.monotonic() - started > self.timeout:
                    raise InputError(f"{asked}: timed out after {self.timeout:g} s")
                chunks.append(chunk)
            content_type = raw.headers.get("Content-Type", "").split(";")[0].strip().lower()
            return Response(url=url, status=raw.status, content_type=content_type, body=b"".join(chunks))
        except urllib3.exceptions.TimeoutError:
            raise InputError(f"{asked}: timed out after {self.timeout:g} s") from None
        except urllib3.exceptions.HTTPError as error:
            raise InputError(f"{asked}: cannot be fetched ({_reason(error)})") from None
        finally:
            raw.release_conn()

    def _check_robots(self, url: str, asked: str) -> None:
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._robots_lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:  # one robots.txt download per site, even with concurrent fetches
            rules = self._robots_rules.get(site)
            if rules is None:
                rules = self._robots_rules[site] = self._load_robots(site)
        if isinstance(rules, str):
            raise InputError(f"{asked}: {rules}")
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise InputError(f"{asked}: the site's robots.txt does not allow fetching it")

    def _load_robots(self, site: str) -> RobotFileParser | str:
        """The site's rules; a missing robots.txt (4xx) allows everything, an unreachable one
        (5xx, network error) allows nothing, as RFC 9309 says. A string says why nothing is allowed."""
        rules = RobotFileParser()
        try:
            response = self._get(site + "/robots.txt", site + "/robots.txt", _ROBOTS_MAX_BYTES)
        except InputError as error:
            why = str(error).split(": ", 1)[-1]
            if why.startswith("cannot be fetched (") and why.endswith(")"):
                why = why[len("cannot be fetched ("):-1]
            return f"its site's robots.txt cannot be read ({why})"
        if isinstance(response, str) or 400 <= response.status < 500:
            rules.parse([])  # a redirected robots.txt is rare; treat it as missing
        elif response.status >= 500:
            return f"its site's robots.txt answers HTTP {response.status}, so nothing may be fetched"
        else:
            rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", None) or error
    text = str(reason)
    if "Connection refused" in text:
        return "connection refused"
    if "Network is unreachable" in text or "No route to host" in text:
        return "network unreachable"
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "unknown host"
    return text.split(": ")[-1][:120]


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:.0f} KiB"

