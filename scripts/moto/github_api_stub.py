#!/usr/bin/env python3
"""A local stand-in for the GitHub REST API, for the GitHubSyncWorkerShip tests and benchmark.

Usage: github_api_stub.py '<json settings>'   settings: {"app_id": "123", "installation_id": "456"}

On start it makes the GitHub App's RSA key pair; the tests read the private key (PEM) from
GET /__stub__/app-key and store it where the ship looks for it (Secrets Manager).
  POST /app/installations/<id>/access_tokens
      verifies the Bearer JWT: RS256 signature with the app's public key, "iss" == app id,
      "iat" not in the future (60 s backdated is expected), "exp" after now and at most 10 min
      after "iat". Answers 201 {"token": "ghs_…", "expires_at": "…Z"}, else 401 {"message": "…"}.
  GET /repos/<org>/<repo>/zipball/<branch>
      needs "Authorization: Bearer <issued token>"; answers 302 to /codeload/<org>/<repo>/zip/<branch>.
  GET /codeload/…   serves the current zip; refuses (400) a request that carries an Authorization
      header, since the token must not follow the redirect to another host.
Control endpoints:
  POST /__stub__/zipball  {"top": "org-repo-sha", "files": {"path": "text"}, "symlinks": {"path": "target"},
      "directory": "/abs/dir"}  builds the zip served from now on: files and symlinks under "top/"
      (paths taken verbatim, so "../evil" is possible), plus every file of "directory" if given.
  GET /__stub__/requests  the recorded requests as JSON (method, path, authorization present).
Binds 127.0.0.1 on a free port, prints "LISTENING <port>", exits when stdin closes or on SIGTERM.
"""
import base64
import io
import json
import os
import secrets
import sys
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from loopback_server import serve_until_stdin_closes

SETTINGS = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
APP_ID = str(SETTINGS.get("app_id", "123"))
INSTALLATION_ID = str(SETTINGS.get("installation_id", "456"))
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC = KEY.public_key()
# PKCS#1, the form GitHub hands out.
PRIVATE_PEM = KEY.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption()).decode()
LOCK = threading.Lock()
STATE = {"zip": b"", "tokens": set(), "requests": []}


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def check_jwt(token):
    """None when the app JWT is valid, else why not."""
    parts = token.split(".")
    if len(parts) != 3:
        return "not a JWT"
    try:
        header = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except ValueError as error:
        return f"undecodable JWT: {error}"
    if header.get("alg") != "RS256":
        return f"alg {header.get('alg')} is not RS256"
    try:
        PUBLIC.verify(signature, f"{parts[0]}.{parts[1]}".encode(), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return "bad signature"
    now = int(time.time())
    iat, exp = claims.get("iat"), claims.get("exp")
    if str(claims.get("iss")) != APP_ID:
        return f"iss {claims.get('iss')} is not the app id"
    if not isinstance(iat, int) or not isinstance(exp, int):
        return "iat/exp are not integers"
    if iat > now + 5:
        return "iat is in the future"
    if exp <= now or exp - iat > 600:
        return "exp is past or more than 10 minutes after iat"
    return None


def build_zip(spec):
    buffer = io.BytesIO()
    top = spec.get("top", "org-repo-0000000")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo(top + "/"), b"")
        for path, text in (spec.get("files") or {}).items():
            archive.writestr(top + "/" + path, text.encode())
        for path, target in (spec.get("symlinks") or {}).items():
            info = zipfile.ZipInfo(top + "/" + path)
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
            archive.writestr(info, target.encode())
        for path, text in (spec.get("raw") or {}).items():
            archive.writestr(zipfile.ZipInfo(path), text.encode())
        directory = spec.get("directory")
        if directory:
            for root, _, names in os.walk(directory):
                for name in sorted(names):
                    full = os.path.join(root, name)
                    archive.write(full, top + "/" + os.path.relpath(full, directory))
    return buffer.getvalue()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, payload=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _json(self, status, value):
        self._send(status, json.dumps(value).encode(), {"Content-Type": "application/json"})

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.split("?")[0]
        auth = self.headers.get("Authorization") or ""
        if path == "/__stub__/app-key":
            return self._send(200, PRIVATE_PEM.encode(), {"Content-Type": "application/x-pem-file"})
        if path == "/__stub__/requests":
            with LOCK:
                return self._json(200, STATE["requests"])
        if path == "/__stub__/zipball":
            data = build_zip(json.loads(body))
            with LOCK:
                STATE["zip"] = data
            return self._json(200, {"bytes": len(data)})
        with LOCK:
            STATE["requests"].append({"method": self.command, "path": path, "authorization": bool(auth)})
        if self.command == "POST" and path.startswith("/app/installations/") and path.endswith("/access_tokens"):
            installation = path.split("/")[3]
            if installation != INSTALLATION_ID:
                return self._json(404, {"message": "Not Found"})
            if not auth.startswith("Bearer "):
                return self._json(401, {"message": "A JSON web token could not be decoded"})
            problem = check_jwt(auth[len("Bearer "):])
            if problem:
                return self._json(401, {"message": f"JWT refused: {problem}"})
            token = "ghs_" + secrets.token_hex(16)
            with LOCK:
                STATE["tokens"].add(token)
            expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
            return self._json(201, {"token": token, "expires_at": expires})
        if self.command == "GET" and path.startswith("/repos/") and "/zipball/" in path:
            with LOCK:
                known = auth.startswith("Bearer ") and auth[len("Bearer "):] in STATE["tokens"]
            if not known:
                return self._json(401, {"message": "Bad credentials"})
            owner_repo, branch = path[len("/repos/"):].split("/zipball/", 1)
            location = f"http://127.0.0.1:{self.server.server_address[1]}/codeload/{owner_repo}/zip/{branch}"
            return self._send(302, b"", {"Location": location})
        if self.command == "GET" and path.startswith("/codeload/"):
            if auth:
                return self._json(400, {"message": "the installation token was sent to the download host"})
            with LOCK:
                data = STATE["zip"]
            return self._send(200, data, {"Content-Type": "application/zip"})
        return self._json(404, {"message": "Not Found"})

    do_GET = do_POST = do_PUT = do_DELETE = _handle


def main():
    serve_until_stdin_closes(Handler)


if __name__ == "__main__":
    main()
