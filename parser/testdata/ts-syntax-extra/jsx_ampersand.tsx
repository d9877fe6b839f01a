// A bare '&' in JSX text and attribute strings, next to real character references.
export function LegalFooter({ year }: { year: number }) {
  return (
    <footer title="Terms & Conditions" data-query='a & b' className="legal">
      Privacy & Data &amp; Cookies &copy; {year} & beyond
      <a href="/search?q=terms&lang=en">Search & find</a>
      <span>R&D</span>
    </footer>
  );
}
