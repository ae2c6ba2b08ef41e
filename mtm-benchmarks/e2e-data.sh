#!/usr/bin/env bash
# Writes the end-to-end test input of issue 8 (never committed): DIR/form.json and
# DIR/survey.csv.gz, the synthetic survey's KoBo CSV export (1M rows by default, seed 20261126,
# 160 sites per region, as the JMH benchmarks use), gzip-compressed.
#   mtm-benchmarks/e2e-data.sh [DIR] [ROWS]     (default /tmp/mtm-e2e, 1000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-/tmp/mtm-e2e}"
rows="${2:-1000000}"
"$here/../mtm" synth --respondents "$rows" --seed 20261126 --sites-per-region 160 --out "$dir"
gzip -f -6 "$dir/survey.csv"
rm -f "$dir/baseline.csv"
ls -l "$dir"
echo "now: /usr/bin/time -v ./mtm estimate --data $dir/survey.csv.gz --form $dir/form.json \\"
echo "       --strata region --ids site --fpc region_population --multi obstacles --by sex,region"
