import { AppHeader } from '@/components/editor/app-header';
import { StartScreen } from '@/components/editor/start-screen';

/** `/`: the start screen (new configuration, upload a bundle, continue a draft). */
export default function HomePage() {
  return (
    <>
      <AppHeader />
      <main id="main" className="start-page">
        <StartScreen />
      </main>
    </>
  );
}
