import type { RecipientTold } from '@/lib/processors/list-recipients-told';

const answerWords = { erased: 'confirmed erased', corrected: 'confirmed corrected', held_nothing: 'holds nothing' } as const;

const topicWords = { erasure: 'erasure', correction: 'correction' } as const;

/** The processors told of this erasure or correction (GDPR Art. 19): whom, when, how often, and what they answered. */
export function RecipientsTold({ recipients, topic }: { recipients: RecipientTold[]; topic: RecipientTold['topic'] }) {
  const told = recipients.filter((recipient) => recipient.topic === topic);
  if (told.length === 0) return null;
  return (
    <>
      <h3>Recipients told (Art. 19)</h3>
      <table data-testid="recipients-told">
        <caption>Processors emailed about this {topicWords[topic]}</caption>
        <thead>
          <tr>
            <th scope="col">Processor</th>
            <th scope="col">Told</th>
            <th scope="col">Emails</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {told.map((told) => (
            <tr key={told.vendorName}>
              <td>
                {told.vendorName} <span className="field__hint">({told.recipient})</span>
              </td>
              <td>{told.firstToldAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
              <td>{told.emails}</td>
              <td>
                {told.answer
                  ? `${answerWords[told.answer]} on ${told.answeredAt?.toISOString().slice(0, 10)}`
                  : told.state === 'failed'
                    ? 'No answer by the cut-off: chase them, then retry'
                    : 'Waiting'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
