/** Cards that the live-reload tests write into a copy of the fixture folder. */
export function newProductCard(id: string, name: string): string {
    return `---
id: ${id}
kind: product
name: ${name}
name_en: Test Quantum Loan ${id}
summary:
  zh: 仅用于测试的量子科技贷款，验证热更新。
  en: A quantum technology loan that exists only to test live reload.
topics: [量子科技, quantum]
needs: [credit-loan]
contacts: [stcsm]
sources:
  - key: T1
    title: 测试来源
    url: https://example.org/test
last_verified: 2026-11-26
---

量子科技贷款。
`;
}
