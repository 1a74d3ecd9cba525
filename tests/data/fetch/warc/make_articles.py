#!/usr/bin/env python3
"""Writes articles.warc, the hand-made WARC/1.1 file the fetch tests read (run from this folder).

Records, in order: warcinfo; request + chunked HTML response for /harbour; a 404 response;
an image response; a text/plain resource; a metadata record; a revisit record.
"""

CRLF = "\r\n"


def record(fields, block):
    block = block.encode("utf-8")
    head = "WARC/1.1" + CRLF
    for name, value in fields:
        head += f"{name}: {value}{CRLF}"
    head += f"Content-Length: {len(block)}{CRLF}{CRLF}"
    return head.encode("utf-8") + block + (CRLF + CRLF).encode()


def http(status_line, headers, body):
    out = status_line + CRLF
    for name, value in headers:
        out += f"{name}: {value}{CRLF}"
    return out + CRLF + body


def chunked(text, size):
    data = text.encode("utf-8")
    out = ""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += f"{len(piece):x}{CRLF}" + piece.decode("utf-8") + CRLF
    return out + "0" + CRLF + CRLF


HARBOUR = ("<!doctype html><html lang=\"en\"><head><title>Harbour bridge reopens | Coast Daily"
           "</title></head><body><article><h1>Harbour bridge reopens</h1>"
           "<p>The harbour bridge reopened to traffic on Tuesday after four days of repairs "
           "to its northern span, the city said.</p>"
           "<p>Engineers replaced twelve expansion joints during the closure.</p>"
           "</article></body></html>")
NOTES = ("Ferry timetable changes\n\nThe morning ferry will leave ten minutes earlier from "
         "the first of March, the operator announced.\n")

records = [
    record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000001>"),
            ("WARC-Date", "2025-11-04T05:30:00Z"), ("Content-Type", "application/warc-fields")],
           "software: hand-written test data" + CRLF + "format: WARC File Format 1.1" + CRLF),
    record([("WARC-Type", "request"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000002>"),
            ("WARC-Target-URI", "https://news.example/harbour"), ("WARC-Date", "2025-11-04T05:31:00Z"),
            ("Content-Type", "application/http;msgtype=request")],
           "GET /harbour HTTP/1.1" + CRLF + "Host: news.example" + CRLF + CRLF),
    record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000003>"),
            ("warc-target-uri", "<https://news.example/harbour>"), ("WARC-Date", "2025-11-04T05:31:07.250Z"),
            ("Content-Type", "application/http; msgtype=response")],
           http("HTTP/1.1 200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                    ("Transfer-Encoding", "chunked")], chunked(HARBOUR, 100))),
    record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000004>"),
            ("WARC-Target-URI", "https://news.example/missing"), ("WARC-Date", "2025-11-04T05:31:08Z"),
            ("Content-Type", "application/http;msgtype=response")],
           http("HTTP/1.1 404 Not Found", [("Content-Type", "text/html")],
                "<html><body><p>No such page.</p></body></html>")),
    record([("WARC-Type", "response"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000005>"),
            ("WARC-Target-URI", "https://news.example/logo.png"), ("WARC-Date", "2025-11-04T05:31:09Z"),
            ("Content-Type", "application/http;msgtype=response")],
           http("HTTP/1.1 200 OK", [("Content-Type", "image/png")], "not really a picture")),
    record([("WARC-Type", "resource"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000006>"),
            ("WARC-Target-URI", "http://ferries.example/notes.txt"), ("WARC-Date", "2025-11-04T05:32:00Z"),
            ("Content-Type", "text/plain; charset=utf-8")], NOTES),
    record([("WARC-Type", "metadata"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000007>"),
            ("WARC-Target-URI", "https://news.example/harbour"), ("WARC-Date", "2025-11-04T05:32:01Z"),
            ("Content-Type", "application/warc-fields")], "outlinks: https://news.example/" + CRLF),
    record([("WARC-Type", "revisit"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000008>"),
            ("WARC-Target-URI", "https://news.example/harbour"), ("WARC-Date", "2025-11-05T05:31:00Z"),
            ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
            ("Content-Type", "application/http;msgtype=response")],
           http("HTTP/1.1 200 OK", [("Content-Type", "text/html")], "")),
]

with open("articles.warc", "wb") as f:
    for r in records:
        f.write(r)
