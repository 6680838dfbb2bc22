"""What XML 1.0 cannot hold: control characters, lone surrogates, U+FFFE and U+FFFF.

GraphML, GEXF and RDF/XML writers put such characters out as they are (or as
character references, just as illegal) and then no XML parser reads the file
(networkx issue 2193, declined PR 8713; reliability anchor 27). So they are
removed, and only there: the other formats keep every character. Where the
writer puts text out raw (Oxigraph's RDF/XML), line ends are also written as
the XML parser will read them (CR LF and CR as LF), so both agree.
"""

from __future__ import annotations

import re

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids (tab, newline and carriage return stay)."""
    return NOT_XML.sub("", value)


def xml_text(value: str) -> str:
    """``value`` as an XML parser will read it back from raw text: also, CR LF and CR become LF."""
    return xml_safe(value).replace("\r\n", "\n").replace("\r", "\n")


def needs_xml_cleaning(value: str) -> bool:
    return "\r" in value or NOT_XML.search(value) is not None
