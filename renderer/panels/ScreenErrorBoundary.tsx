/**
 * One screen's render failure stays in that screen: it shows what failed where the screen would be,
 * and the tabs, the scenario list and the toolbar keep working (without a boundary React unmounts
 * the whole window). The store is outside, so nothing the user entered is lost; another scenario or
 * tab (`resetKey`), or "Try again", renders the screen afresh. The error still reaches the console.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** The screen's name as its tab says it ("Compare"). */
  screen: string;
  /** A change (another tab or scenario) clears the error. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: string;
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.screen} screen could not be shown`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert" data-testid="screen-error">
        <p>
          The {this.props.screen} screen could not be shown: {error.message}
        </p>
        <p>
          Your scenarios and edits are kept (and autosaved). Open another tab or scenario, undo the last change, or{" "}
          <button type="button" data-testid="screen-retry" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          .
        </p>
      </div>
    );
  }
}
