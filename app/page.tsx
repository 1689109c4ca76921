export default function HomePage() {
  return (
    <main>
      <h1>Quay config</h1>
      <p>Validate a Quay configuration with the API at /api/v2/validate or the CLI.</p>
    </main>
  );
}
