import { Link } from "../router.tsx";

export function NotFoundView() {
  return (
    <section className="view">
      <h1>Nothing here</h1>
      <p>
        This address is not a page of the reader. <Link to="/">Back to the library</Link>.
      </p>
    </section>
  );
}
