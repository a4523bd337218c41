export function Address({ lines, prefix }: { lines: string[]; prefix?: string }) {
  return (
    <p class="govuk-body">
      {prefix ? (
        <>
          {prefix}
          <br />
        </>
      ) : null}
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </p>
  );
}
