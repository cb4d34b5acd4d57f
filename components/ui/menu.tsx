'use client';

import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { lazyParts, standInHandlers, useFocusHandOver, type FocusHandOver } from './lazy-parts';

// The console's menus. Radix (behaviour and ARIA, in ./menu-parts) loads when a person first reaches for a
// menu (pointer over, focus, press) rather than with the page: until then a trigger is a plain button that
// looks and is named the same, and a press on it opens the menu as soon as Radix is there.

const parts = lazyParts(() => import('./menu-parts'));
type Parts = NonNullable<ReturnType<typeof parts.use>>;

interface MenuState extends FocusHandOver {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Starts loading Radix; `open` opens the menu once loaded. */
  activate: (open: boolean) => void;
}

const MenuContext = createContext<MenuState | null>(null);

function useMenu(): MenuState {
  const menu = useContext(MenuContext);
  if (!menu) throw new Error('Menu parts belong inside <Menu>');
  return menu;
}

/** Radix's parts inside a menu whose content is showing, which only renders once they are loaded. */
function useParts(): Parts {
  const loaded = parts.use();
  if (!loaded) throw new Error('Menu content renders only once its parts are loaded');
  return loaded;
}

export function Menu({ children }: { children: ReactNode }) {
  const Radix = parts.use();
  const [open, setOpen] = useState(false);
  const handOver = useFocusHandOver();
  const activate = useCallback((openIt: boolean) => {
    void parts.load().then(() => openIt && setOpen(true));
  }, []);
  const state = useMemo(() => ({ ...handOver, open, setOpen, activate }), [handOver, open, activate]);
  return (
    <MenuContext value={state}>
      {Radix ? (
        <Radix.Root open={open} onOpenChange={setOpen}>
          {children}
        </Radix.Root>
      ) : (
        children
      )}
    </MenuContext>
  );
}

const OPEN_KEYS = ['Enter', ' ', 'ArrowDown'];

export const MenuTrigger = forwardRef<HTMLButtonElement, ComponentProps<'button'>>(
  function MenuTrigger(props, ref) {
    const Radix = parts.use();
    const menu = useMenu();
    if (Radix) return <Radix.Trigger ref={ref} takeFocus={menu.takeFocus} {...props} />;
    return (
      <button
        ref={ref}
        type="button"
        aria-haspopup="menu"
        aria-expanded={false}
        data-state="closed"
        {...props}
        {...standInHandlers(menu, menu.activate)}
        onPointerDown={(e) => e.button === 0 && menu.activate(true)}
        onClick={() => menu.activate(true)}
        onKeyDown={(e) => {
          if (!OPEN_KEYS.includes(e.key)) return;
          e.preventDefault();
          menu.activate(true);
        }}
      />
    );
  },
);

export function MenuContent(props: ComponentProps<Parts['MenuContent']>) {
  const Radix = parts.use();
  return Radix ? <Radix.MenuContent {...props} /> : null;
}

export function MenuItem(props: ComponentProps<Parts['MenuItem']>) {
  const { MenuItem: Item } = useParts();
  return <Item {...props} />;
}

export function MenuCheckboxItem(props: ComponentProps<Parts['MenuCheckboxItem']>) {
  const { MenuCheckboxItem: Item } = useParts();
  return <Item {...props} />;
}

export function MenuRadioGroup(props: ComponentProps<Parts['MenuRadioGroup']>) {
  const { MenuRadioGroup: Group } = useParts();
  return <Group {...props} />;
}

export function MenuRadioItem(props: ComponentProps<Parts['MenuRadioItem']>) {
  const { MenuRadioItem: Item } = useParts();
  return <Item {...props} />;
}

export function MenuLabel(props: ComponentProps<Parts['MenuLabel']>) {
  const { MenuLabel: Label } = useParts();
  return <Label {...props} />;
}

export function MenuSeparator() {
  const { MenuSeparator: Separator } = useParts();
  return <Separator />;
}
