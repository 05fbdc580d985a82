/** A warning triangle drawn inline: the counter PCs may have no emoji font. */
export function WarningIcon() {
  return (
    <svg className="warning-icon" viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22L12 2Z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="var(--icon-cut, #b3141b)" />
    </svg>
  );
}
