#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (CI has only the docker client, or nothing):
#   `docker-compose config` (Compose v1.29 from Debian) parses, resolves anchors/merge keys and checks the schema.
#   What the course relies on (image = kafka.version, settings = BrokerConfig.TUNING, brokers kafka-1..3 of one
#   cluster id, ports on 127.0.0.1 only, no restart policy, the UI behind a profile) is checked from Java with a real
#   YAML parser by course-kit's ComposeFileTest.
# The cluster itself is not started here: that needs a Docker engine.
# Usage: scripts/validate-compose.sh [--install]   (--install: apt-get install docker-compose when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  if [[ "${1:-}" == "--install" ]]; then
    echo "docker-compose 설치 중 (apt-get install docker-compose) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q docker-compose >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q docker-compose >/dev/null; }
  else
    echo "validate-compose: docker-compose 가 없습니다. 설치: apt-get install docker-compose  (또는 이 스크립트를 --install 로 실행)" >&2
    exit 2
  fi
fi

resolved="$(mktemp)"
trap 'rm -f "$resolved"' EXIT
# --profile ui: also validate the optional web UI service.
if ! docker-compose -f docker-compose.yml --profile ui config > "$resolved"; then
  echo "validate-compose: docker-compose.yml 이 유효하지 않습니다 (위 오류 참고)." >&2
  exit 1
fi

echo "docker-compose.yml 검사 (docker-compose $(docker-compose version --short))"
echo "  ok    구문과 스키마 (docker-compose config)"
echo "validate-compose: 통과 (Docker 엔진 없이 파일만 검사했습니다; 클러스터를 실제로 띄우지는 않았습니다)"
