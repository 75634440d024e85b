/** Where an input comes from: the id its documents take and the source recorded in their meta. */
export interface Origin {
  /** The path as given (joined with the folder's relative path), or `-` for stdin. */
  id: string;
  source: string;
}
