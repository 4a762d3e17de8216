namespace FashionListing.Web.Studies;

/// <summary>
/// Counts how often a participant edits each field of the card. Changes that follow each other on the same
/// field (the keystrokes of one word, several clicks in one list) count as one edit; an edit ends when the
/// participant changes another field.
/// </summary>
public sealed class FieldEditCounter
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private string? _current;

    public FieldEditCounter()
    {
    }

    /// <summary>
    /// Continues counting from <paramref name="counts"/> (a card brought back after a reload); the next change
    /// starts a new edit even on the field that was being edited before.
    /// </summary>
    public FieldEditCounter(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);

        foreach ((string field, int count) in counts)
        {
            _counts[field] = count;
        }
    }

    /// <summary>Records a change of <paramref name="field"/>'s value.</summary>
    public void Changed(string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);

        if (field == _current)
        {
            return;
        }

        _current = field;
        _counts[field] = _counts.GetValueOrDefault(field) + 1;
    }

    /// <summary>The edits so far, by field name; fields never edited are absent.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;
}
