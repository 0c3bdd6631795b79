// mingo 7 publishes its modules as package "exports" (mingo/core, mingo/query, …) with their types under
// mingo/types/; this project resolves modules the node10 way, which ignores "exports", so each subpath the
// emulator imports is mapped to its types here (emulator/src/database/operators.ts).
declare module 'mingo/aggregator' {
  export * from 'mingo/types/aggregator'
}
declare module 'mingo/core' {
  export * from 'mingo/types/core'
}
declare module 'mingo/query' {
  export * from 'mingo/types/query'
}
declare module 'mingo/updater' {
  export * from 'mingo/types/updater'
}
declare module 'mingo/util' {
  export * from 'mingo/types/util'
}
declare module 'mingo/operators/accumulator' {
  export * from 'mingo/types/operators/accumulator'
}
declare module 'mingo/operators/expression' {
  export * from 'mingo/types/operators/expression'
}
declare module 'mingo/operators/pipeline' {
  export * from 'mingo/types/operators/pipeline'
}
declare module 'mingo/operators/projection' {
  export * from 'mingo/types/operators/projection'
}
declare module 'mingo/operators/query' {
  export * from 'mingo/types/operators/query'
}
declare module 'mingo/operators/window' {
  export * from 'mingo/types/operators/window'
}
