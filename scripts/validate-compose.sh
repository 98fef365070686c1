#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (CI has only the docker client, or nothing):
#   1. `docker-compose config` (Compose v1.29 from Debian) parses, resolves anchors/merge keys and checks the schema;
#   2. the resolved file is checked for what the course relies on: the image matches the pom's kafka.version,
#      every published port is bound to 127.0.0.1, three brokers kafka-1..3 with node ids 1..3 and one cluster id,
#      no restart policy (a killed broker must stay down), and the web UI sits behind a profile.
#   (That the compose broker settings equal BrokerConfig.TUNING is checked by course-kit's ComposeFileTest.)
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

kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml | head -1)"
echo "docker-compose.yml 검사 (docker-compose $(docker-compose version --short), pom kafka.version=$kafka_version)"
echo "  ok    구문과 스키마 (docker-compose config)"
# PyYAML comes with Debian's docker-compose, so it is there whenever step 1 ran.
if ! KAFKA_VERSION="$kafka_version" python3 - "$resolved" <<'PY'
import os, re, sys, yaml

spec = yaml.safe_load(open(sys.argv[1]))
services = spec["services"]
version = os.environ["KAFKA_VERSION"]
fail = False

def check(what, ok):
    global fail
    print(("  ok    " if ok else "  FAIL  ") + what, file=sys.stdout if ok else sys.stderr)
    fail |= not ok

brokers = {n: s for n, s in services.items() if str(s.get("image", "")).startswith("apache/kafka:")}
check("브로커 서비스 kafka-1, kafka-2, kafka-3 (있는 것: %s)" % sorted(brokers), sorted(brokers) == ["kafka-1", "kafka-2", "kafka-3"])
for name, svc in sorted(brokers.items()):
    env = svc.get("environment", {})
    check("%s: 이미지 apache/kafka:%s (pom 의 kafka.version)" % (name, version), svc["image"] == "apache/kafka:" + version)
    check("%s: KAFKA_NODE_ID=%s" % (name, name[-1]), str(env.get("KAFKA_NODE_ID")) == name[-1])
    check("%s: 재시작 정책 없음 (실습이 kill 한 브로커는 꺼진 채로 있어야 함)" % name, str(svc.get("restart", "no")) in ("no", "False", "false"))
ids = {str(s.get("environment", {}).get("CLUSTER_ID")) for s in brokers.values()}
check("세 노드의 CLUSTER_ID 가 같음", len(ids) == 1 and None not in ids)

def host_ip(port):
    if isinstance(port, dict):
        return str(port.get("host_ip", ""))
    parts = str(port).split(":")
    return parts[0] if len(parts) == 3 else ""

ports = [(n, p) for n, s in services.items() for p in s.get("ports", [])]
check("공개 포트 %d개가 모두 127.0.0.1 에만 묶임" % len(ports), ports and all(host_ip(p) == "127.0.0.1" for _, p in ports))
check("웹 UI(kafka-ui)는 프로필(ui)에 있어 기본 실행(docker compose up)에 포함되지 않음",
      "kafka-ui" in services and "ui" in services["kafka-ui"].get("profiles", []))
check("브로커에는 프로필이 없어 기본 실행에 포함됨", all(not s.get("profiles") for s in brokers.values()))
sys.exit(1 if fail else 0)
PY
then
  echo "validate-compose: 실패" >&2
  exit 1
fi
echo "validate-compose: 통과 (Docker 엔진 없이 파일만 검사했습니다; 클러스터를 실제로 띄우지는 않았습니다)"
