import { ConsoleShell } from '@/components/shell/console-shell';
import { GoToInstance } from '@/components/shell/go-to-instance';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <ConsoleShell>
      <GoToInstance />
    </ConsoleShell>
  );
}
