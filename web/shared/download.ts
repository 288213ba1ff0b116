/**
 * Hands a file the API answered (an .ics, a printed PDF) to the browser as a download: the endpoints need the token,
 * so a plain link cannot fetch them.
 */
export function saveFile(file: Blob, name: string): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(file)
  link.download = name
  link.click()
  // Revoked once the click's download has started, not before.
  setTimeout(() => URL.revokeObjectURL(link.href))
}
