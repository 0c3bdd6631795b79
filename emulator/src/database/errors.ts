/** An error the emulator answers as `{code, message, requestId}`; the SDK throws it as a TcbError. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

// Codes as the real service (and the SDK's retry logic) know them.
export const collectionNotExist = (name: string) =>
  new ServiceError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)
export const duplicateWrite = (detail: string) =>
  new ServiceError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error: ${detail}`)
// The service's own words for the two transaction errors, as the SDK's tests against it quote them
// (node-sdk test/database/unit/transaction.test.ts); the second is documented at
// https://docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL ("committed or aborted within 30 seconds").
export const transactionConflict = () =>
  new ServiceError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )
export const transactionNotExist = () =>
  new ServiceError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )
export const invalidParam = (detail: string) => new ServiceError('INVALID_PARAM', detail)
/**
 * What the service answers for a request MongoDB refuses: a write with a field name starting with `$` (the SDK's
 * own test), a query the database rejects (BadValue, e.g. a geo query without a geo index).
 */
export const requestFailed = (detail: string) => new ServiceError('DATABASE_REQUEST_FAILED', detail)
