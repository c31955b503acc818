/**
 * The benchmark model: N concurrent transfer sagas over shared accounts.
 * Each debits a source into escrow (at least once: it may fail after its
 * effect), then credits a target, compensating with a refund on failure.
 * Generated as DSL text so the whole pipeline is what gets measured.
 */
export function transferSagaSpec(instances: number): string {
  const total = 2 * instances;
  return `
workflow Transfer {
  shared source: 0..${total} = ${total}
  shared escrow: 0..${total} = 0
  shared target: 0..${total} = 0
  var done: bool = false

  activity Debit may fail after effect { source -= 1; escrow += 1 }
  activity Refund may fail retry 1 { escrow -= 1; source += 1 }
  activity Credit may fail { escrow -= 1; target += 1 }
  activity Notify may fail

  main {
    Debit compensate Refund or fail "debit failed"
    Credit
    parallel wait_all {
      Notify or continue
      { done = true }
    }
  }
}

system Bank {
  instances ${instances} of Transfer
  invariant no_overdraft: source + escrow + target <= ${total}
  deadlock_free
}
`;
}
