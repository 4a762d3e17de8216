using System.Text;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>
/// Reads comma-separated records: fields may be quoted, a quote inside a quoted field is doubled, and a quoted
/// field may hold commas and line breaks. Lines end in "\n" or "\r\n"; empty lines are skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string sourceName)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>Reads the next record.</summary>
    /// <param name="fields">The record's fields, unquoted.</param>
    /// <param name="line">The line the record starts on, counting from 1.</param>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="InvalidDataException">A quoted field is not closed, or text follows a closing
    /// quote.</exception>
    public bool TryRead(out List<string> fields, out int line)
    {
        fields = [];
        while (reader.Peek() is '\n' or '\r')
        {
            ReadLineEnd();
        }

        line = _line;
        if (reader.Peek() < 0)
        {
            return false;
        }

        while (true)
        {
            bool endOfRecord = ReadField(line);
            fields.Add(_field.ToString());
            _field.Clear();
            if (endOfRecord)
            {
                return true;
            }
        }
    }

    // Reads one field and the separator after it; true when the separator ended the record.
    private bool ReadField(int recordLine)
    {
        if (reader.Peek() == '"')
        {
            reader.Read();
            while (true)
            {
                int c = reader.Read();
                if (c < 0)
                {
                    throw new InvalidDataException(
                        $"{sourceName} line {recordLine}: a quoted field is not closed before the end of the file.");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                        continue;
                    }

                    break;
                }

                if (c == '\n')
                {
                    _line++;
                }

                _field.Append((char)c);
            }

            int next = reader.Peek();
            if (next is not (',' or '\n' or '\r' or -1))
            {
                throw new InvalidDataException(
                    $"{sourceName} line {_line}: \"{(char)next}\" follows a closing quote; a comma or the end of "
                    + "the line must.");
            }
        }

        while (true)
        {
            int c = reader.Peek();
            if (c < 0)
            {
                return true;
            }

            if (c is '\n' or '\r')
            {
                ReadLineEnd();

                return true;
            }

            reader.Read();
            if (c == ',')
            {
                return false;
            }

            _field.Append((char)c);
        }
    }

    private void ReadLineEnd()
    {
        if (reader.Read() == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        _line++;
    }
}
