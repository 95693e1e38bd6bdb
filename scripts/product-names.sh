#!/usr/bin/env bash
# Lists the lines of generic code that name a product: a product code in quotes or a product's
# own type. Products live in Sources/*/Products/<Product>/; the places that register products
# (the catalogs, the route and migration lists, the demo data) may name them and are left out.
# Exits 1 when any line is found.
set -euo pipefail
cd "$(dirname "$0")/.."

codes='"(computer|third-party|employers-liability|contractors-all-risk|supplementary-health|group-life|term-life)"'
types='\b(Computer(Insurance|Tariff)|ThirdParty[A-Z][A-Za-z]*|EmployersLiability[A-Za-z]*|ContractorsAllRisk[A-Za-z]*|DrivingLicence[A-Za-z]*|PolicyLicence)\b'

registration=(
  Sources/InsuranceKit/Products/ProductCatalog.swift
  Sources/BimehServer/Products/ProductRegistry.swift
  Sources/BimehServer/routes.swift
  Sources/BimehServer/Migrations/Migrations.swift
  Sources/BimehServer/Demo/DemoData.swift
)

# The benchmark tool drives named products on purpose; it is not part of the product code.
found=$(grep -rnE "$codes|$types" Sources --include='*.swift' \
  | grep -v '^Sources/bimeh-bench/' \
  | grep -vE '^Sources/[^/]+/Products/[A-Za-z]+/' \
  | grep -vF -f <(printf '%s:\n' "${registration[@]}") || true)

if [[ -n "$found" ]]; then
  echo "$found"
  echo "$(echo "$found" | wc -l) line(s) of generic code name a product" >&2
  exit 1
fi
echo "generic code names no product"
