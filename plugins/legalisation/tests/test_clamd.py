"""The ClamAV (clamd INSTREAM) scanner against a stand-in clamd speaking the real protocol."""

import socket
import struct
import threading

import pytest
from django.core.exceptions import ValidationError

from plugins.legalisation import attachments

from .conftest import PDF_BYTES, upload


class FakeClamd:
    """Reads one INSTREAM per connection and answers like clamd (EICAR → FOUND)."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(4)
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.server.getsockname()[1]}"

    def _read(self, conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            part = conn.recv(size - len(data))
            if not part:
                raise ConnectionError
            data += part
        return data

    def serve(self) -> None:
        while True:
            try:
                conn, _addr = self.server.accept()
            except OSError:
                return
            with conn:
                assert self._read(conn, 10) == b"zINSTREAM\0"
                body = b""
                while True:
                    (size,) = struct.unpack("!L", self._read(conn, 4))
                    if size == 0:
                        break
                    body += self._read(conn, size)
                self.received.append(body)
                found = attachments.EICAR in body
                conn.sendall(b"stream: Win.Test.EICAR_HDB-1 FOUND\0" if found else b"stream: OK\0")

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def clamd(settings):
    server = FakeClamd()
    settings.LEGALISATION_ATTACHMENT_SCANNER = "plugins.legalisation.attachments.clamd_scanner"
    settings.LEGALISATION_CLAMD_ADDRESS = server.address
    yield server
    server.close()


def test_clean_file_passes_and_is_streamed_whole(clamd):
    big = PDF_BYTES + b"x" * (3 * attachments.CLAMD_CHUNK + 5)
    data, content_type = attachments.check_upload(upload("scan.pdf", big), 0)
    assert content_type == "application/pdf" and clamd.received == [big]


def test_infected_file_is_refused_with_the_signature_name(clamd):
    with pytest.raises(ValidationError) as error:
        attachments.check_upload(upload("evil.pdf", PDF_BYTES + attachments.EICAR), 0)
    assert "Win.Test.EICAR_HDB-1" in error.value.messages[0]


def test_unreachable_antivirus_refuses_the_upload(settings):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    settings.LEGALISATION_ATTACHMENT_SCANNER = "plugins.legalisation.attachments.clamd_scanner"
    settings.LEGALISATION_CLAMD_ADDRESS = f"tcp://127.0.0.1:{port}"
    with pytest.raises(ValidationError):
        attachments.check_upload(upload("scan.pdf"), 0)
