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
export const transactionConflict = (detail: string) =>
  new ServiceError('DATABASE_TRANSACTION_CONFLICT', `Transaction conflict: ${detail}`)
export const transactionFail = (detail: string) => new ServiceError('DATABASE_TRANSACTION_FAIL', detail)
export const invalidParam = (detail: string) => new ServiceError('INVALID_PARAM', detail)
/** A query the database itself refuses (MongoDB's BadValue and the like), as the service reports it. */
export const requestFailed = (detail: string) => new ServiceError('DATABASE_REQUEST_FAILED', detail)
