#!/usr/bin/env bash
# Make sure MariaDB and Redis run locally for the test suite: install them on a fresh Debian machine,
# start them by hand when they are not running (no systemd), and create the test account. Also
# installs promtool for the checks of deploy/prometheus.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! have mariadbd && ! have mysqld || ! have redis-server; then
  echo "installing mariadb-server and redis-server" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client redis-server >/dev/null
fi

# promtool checks deploy/prometheus (tests/deploy); Debian ships it in the prometheus package (~10 s).
if ! have promtool; then
  echo "installing prometheus (for promtool)" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting redis-server" >&2
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/medichain.log
fi

if ! mariadb-admin ping -h 127.0.0.1 --silent >/dev/null 2>&1; then
  echo "starting mariadbd" >&2
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  if [ ! -d /var/lib/mysql/mysql ]; then as_root mariadb-install-db --user=mysql >/dev/null; fi
  as_root start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd)" -- --user=mysql
fi

for _ in $(seq 1 60); do
  if mariadb-admin ping -h 127.0.0.1 --silent >/dev/null 2>&1 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
redis-cli -h 127.0.0.1 ping >/dev/null
mariadb-admin ping -h 127.0.0.1 --silent >/dev/null

# A dedicated account for the tests (root may use unix_socket auth on a fresh install).
as_root mariadb -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'medichain'@'localhost' IDENTIFIED BY 'medichain';
CREATE USER IF NOT EXISTS 'medichain'@'127.0.0.1' IDENTIFIED BY 'medichain';
GRANT ALL PRIVILEGES ON `medichain\_%`.* TO 'medichain'@'localhost';
GRANT ALL PRIVILEGES ON `medichain\_%`.* TO 'medichain'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "mariadb and redis are up" >&2
