/** A question the app must ask before going on (e.g. replacing a read-only file): text and one button per answer; Escape dismisses. */
import { useEffect, useRef } from "react";
import type { Question } from "../state/file-commands";

export function QuestionBar({ question, onAnswer }: { question: Question; onAnswer: (id: string | null) => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [question]);
  return (
    <div
      className="notice notice-question"
      role="alertdialog"
      aria-label="Question"
      aria-describedby="question-text"
      data-testid="question"
      onKeyDown={(e) => {
        if (e.key === "Escape") onAnswer(null);
      }}
    >
      <span id="question-text" data-testid="question-text">
        {question.text}
      </span>
      {question.choices.map((c, i) => (
        <button key={c.id} ref={i === 0 ? first : undefined} type="button" data-testid={`question-${c.id}`} onClick={() => onAnswer(c.id)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
