using System.Globalization;
using System.Text;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>One data row of train.csv with where it was found.</summary>
/// <param name="Line">The file line the row starts on (the header is line 1).</param>
/// <param name="ImageId">The photo's id.</param>
/// <param name="Height">The photo's height as the row states it.</param>
/// <param name="Width">The photo's width as the row states it.</param>
/// <param name="Instance">The row's object.</param>
public sealed record KaggleTrainRow(int Line, string ImageId, int Height, int Width, FashionpediaInstance Instance);

/// <summary>
/// Reads and writes the Kaggle iMaterialist 2020 train.csv: columns ImageId, EncodedPixels, Height, Width,
/// ClassId, AttributesIds (comma-separated, quoted when it holds a comma, possibly empty), one row per object.
/// </summary>
/// <remarks>
/// Every row is checked as it is read (numbers, the encoding against the stated size, the same size on every
/// row of a photo, and, when a taxonomy is given, the category and attribute ids); a problem is reported with
/// the file, the line and the ImageId. <see cref="ReadRows"/> and <see cref="Enumerate"/> stream, holding one row
/// or one photo at a time; <see cref="Read(string)"/> keeps every sample, about twice the file's size in memory
/// (the encodings as .NET strings), so for the full 330,000-row Kaggle file prefer <see cref="Enumerate"/>.
/// </remarks>
public static class KaggleTrainCsv
{
    /// <summary>The columns a train.csv must have, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["ImageId", "EncodedPixels", "Height", "Width", "ClassId", "AttributesIds"];

    /// <summary>Reads every photo of the file, rows of one ImageId grouped in row order, photos in the order
    /// of their first row.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the line.</exception>
    public static IReadOnlyList<FashionpediaSample> Read(string path) => Read(path, taxonomy: null);

    /// <summary>As <see cref="Read(string)"/>, and checks that each ClassId and attribute id is one of the
    /// taxonomy's.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A row is malformed or names an unknown id.</exception>
    public static IReadOnlyList<FashionpediaSample> Read(string path, FashionpediaTaxonomy? taxonomy)
    {
        Dictionary<string, PhotoRows> photos = new(StringComparer.Ordinal);
        List<PhotoRows> order = [];
        foreach (KaggleTrainRow row in ReadRows(path, taxonomy))
        {
            if (!photos.TryGetValue(row.ImageId, out PhotoRows? rows))
            {
                rows = new PhotoRows(row);
                photos.Add(row.ImageId, rows);
                order.Add(rows);
            }

            rows.Add(row, path);
        }

        return order.Select(p => p.ToSample()).ToList();
    }

    /// <summary>
    /// Streams the photos of a file whose rows are grouped by ImageId (as Kaggle's are), holding one photo at a
    /// time.
    /// </summary>
    /// <exception cref="InvalidDataException">A row is malformed, or a photo's rows are not together (use
    /// <see cref="Read(string)"/> for such a file).</exception>
    public static IEnumerable<FashionpediaSample> Enumerate(string path, FashionpediaTaxonomy? taxonomy = null)
    {
        HashSet<string> finished = new(StringComparer.Ordinal);
        PhotoRows? current = null;
        foreach (KaggleTrainRow row in ReadRows(path, taxonomy))
        {
            if (current is not null && !string.Equals(current.ImageId, row.ImageId, StringComparison.Ordinal))
            {
                finished.Add(current.ImageId);
                yield return current.ToSample();
                current = null;
            }

            if (current is null)
            {
                if (finished.Contains(row.ImageId))
                {
                    throw new InvalidDataException(
                        $"{path} line {row.Line}: ImageId {row.ImageId} appears again after rows of other photos; "
                        + "streaming needs the rows of a photo together (read the whole file instead).");
                }

                current = new PhotoRows(row);
            }

            current.Add(row, path);
        }

        if (current is not null)
        {
            yield return current.ToSample();
        }
    }

    /// <summary>Streams the data rows of the file, each checked.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header lacks a column or a row is malformed.</exception>
    public static IEnumerable<KaggleTrainRow> ReadRows(string path, FashionpediaTaxonomy? taxonomy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The train.csv file {path} does not exist.", path);
        }

        return ReadRowsIterator(path, taxonomy);
    }

    /// <summary>Writes the samples as a train.csv that <see cref="Read(string)"/> reads back equal.</summary>
    public static void Write(string path, IEnumerable<FashionpediaSample> samples)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(samples);

        using StreamWriter writer = new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, samples);
    }

    /// <summary>Writes the samples in train.csv form, lines ending in "\n".</summary>
    public static void Write(TextWriter writer, IEnumerable<FashionpediaSample> samples)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(samples);

        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        foreach (FashionpediaSample sample in samples)
        {
            foreach (FashionpediaInstance instance in sample.Instances)
            {
                writer.Write(Quote(sample.ImageId));
                writer.Write(',');
                writer.Write(Quote(instance.EncodedPixels));
                writer.Write(',');
                writer.Write(sample.Height.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(sample.Width.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(instance.ClassId.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Quote(string.Join(',',
                    instance.AttributeIds.Select(a => a.ToString(CultureInfo.InvariantCulture)))));
                writer.Write('\n');
            }
        }
    }

    private static IEnumerable<KaggleTrainRow> ReadRowsIterator(string path, FashionpediaTaxonomy? taxonomy)
    {
        using StreamReader reader = new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        CsvRecordReader csv = new(reader, path);
        if (!csv.TryRead(out List<string> header, out _))
        {
            throw new InvalidDataException($"{path} is empty; it must start with the header "
                + string.Join(',', Columns) + ".");
        }

        int[] index = ColumnIndexes(header, path);
        KnownLabels? labels = taxonomy is null ? null : new KnownLabels(taxonomy);
        while (csv.TryRead(out List<string> fields, out int line))
        {
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException(
                    $"{path} line {line} has {fields.Count} fields; the header has {header.Count}.");
            }

            yield return ParseRow(fields, index, line, path, labels);
        }
    }

    private static int[] ColumnIndexes(List<string> header, string path)
    {
        int[] index = new int[Columns.Count];
        List<string> missing = [];
        for (int c = 0; c < Columns.Count; c++)
        {
            index[c] = header.FindIndex(h => string.Equals(h.Trim(), Columns[c], StringComparison.Ordinal));
            if (index[c] < 0)
            {
                missing.Add(Columns[c]);
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{path}: the header lacks the column(s) {string.Join(", ", missing)}; it has "
                + $"{string.Join(", ", header)}, and a train.csv needs {string.Join(", ", Columns)}.");
        }

        return index;
    }

    private static KaggleTrainRow ParseRow(
        List<string> fields,
        int[] index,
        int line,
        string path,
        KnownLabels? labels)
    {
        string imageId = fields[index[0]];
        string where = $"{path} line {line} (ImageId {imageId})";
        if (imageId.Length == 0)
        {
            throw new InvalidDataException($"{path} line {line} has an empty ImageId.");
        }

        string encoded = fields[index[1]];
        int height = Whole(fields[index[2]], "Height", 1, where);
        int width = Whole(fields[index[3]], "Width", 1, where);
        int classId = Whole(fields[index[4]], "ClassId", 0, where);
        List<int> attributes = [];
        string attributeText = fields[index[5]];
        if (attributeText.Trim().Length > 0)
        {
            foreach (string part in attributeText.Split(','))
            {
                attributes.Add(Whole(part.Trim(), "AttributesIds value", 0, where));
            }
        }

        try
        {
            KaggleRle.Validate(encoded, height, width);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{where}: EncodedPixels is invalid: {exception.Message}", exception);
        }

        labels?.Check(classId, attributes, where);

        return new KaggleTrainRow(line, imageId, height, width,
            new FashionpediaInstance(classId, attributes, encoded));
    }

    private static int Whole(string text, string column, int minimum, string where)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
        {
            throw new InvalidDataException(
                $"{where}: {column} \"{text}\" is not a whole number of at least {minimum}.");
        }

        return value;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? field
            : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class PhotoRows(KaggleTrainRow first)
    {
        private readonly List<FashionpediaInstance> _instances = [];

        public string ImageId { get; } = first.ImageId;

        public void Add(KaggleTrainRow row, string path)
        {
            if (row.Height != first.Height || row.Width != first.Width)
            {
                throw new InvalidDataException(
                    $"{path} line {row.Line} (ImageId {row.ImageId}) gives the photo as {row.Height} x {row.Width} "
                    + $"(Height x Width); line {first.Line} gave it as {first.Height} x {first.Width}.");
            }

            _instances.Add(row.Instance);
        }

        public FashionpediaSample ToSample() => new(ImageId, first.Height, first.Width, _instances);
    }

    private sealed class KnownLabels(FashionpediaTaxonomy taxonomy)
    {
        private readonly HashSet<int> _categories = taxonomy.Categories.Select(c => c.Id).ToHashSet();
        private readonly HashSet<int> _attributes = taxonomy.Attributes.Select(a => a.Id).ToHashSet();

        public void Check(int classId, List<int> attributes, string where)
        {
            if (!_categories.Contains(classId))
            {
                throw new InvalidDataException(
                    $"{where}: ClassId {classId} is not a category of the taxonomy; its ids run from "
                    + $"{taxonomy.Categories[0].Id} to {taxonomy.Categories[^1].Id}.");
            }

            foreach (int attribute in attributes)
            {
                if (!_attributes.Contains(attribute))
                {
                    throw new InvalidDataException(
                        $"{where}: attribute id {attribute} is not an attribute of the taxonomy; its ids run from "
                        + $"{taxonomy.Attributes[0].Id} to {taxonomy.Attributes[^1].Id} with gaps.");
                }
            }
        }
    }
}
