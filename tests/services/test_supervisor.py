"""The supervisor's readiness poll survives a peer that is not an HTTP server yet."""

import socket
import threading

from medichain.services.supervisor import _answers


def test_a_port_echoing_the_request_is_not_serving() -> None:
    """What a poll reads when it connects to itself (a port in the ephemeral range nothing listens on yet):
    its own request as the status line. Not serving, and no crash of the supervisor."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)

        def echo() -> None:
            peer, _ = server.accept()
            with peer:
                peer.sendall(peer.recv(4096))

        thread = threading.Thread(target=echo)
        thread.start()
        assert _answers(f"http://127.0.0.1:{server.getsockname()[1]}/health") is False
        thread.join(5)
