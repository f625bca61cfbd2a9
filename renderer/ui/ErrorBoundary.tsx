import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What shows instead of the children once they have failed; `reload` mounts them afresh. */
  fallback: (reload: () => void) => ReactNode;
  /** Told once for each failure, with the components it was thrown in. */
  onError: (error: unknown, componentStack: string) => void;
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** Bumped by reload: a new key mounts the children again, their state and loads anew. */
  mounts: number;
}

/**
 * Keeps a failure in one part of a page to that part: React unmounts the whole tree
 * when a render throws and nothing catches it, which leaves the window blank.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, mounts: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? '');
  }

  reload = (): void => {
    this.setState(({ mounts }) => ({ failed: false, mounts: mounts + 1 }));
  };

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback(this.reload);
    return <Fragment key={this.state.mounts}>{this.props.children}</Fragment>;
  }
}
