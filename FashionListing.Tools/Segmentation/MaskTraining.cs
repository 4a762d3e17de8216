using System.Diagnostics;
using System.Globalization;
using System.Text;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tools.Segmentation;

/// <summary>
/// <c>mask-train</c>: GrabCut pseudo-labels for a sample of training-sender photos, ResNet18 cell
/// features, and AdamW training of the mask head; writes models/starter/mask-head.bin.
/// </summary>
internal static class MaskTraining
{
    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        MaskDataset dataset = MaskDataset.Load(options.Text("data"));
        string work = Path.GetFullPath(options.Text("work", "artifacts/mask"));
        string output = Path.GetFullPath(options.Text("out", Path.Combine("models", "starter", MaskHead.FileName)));
        int trainCount = options.Integer("train", dataset.Training.Count);
        int valCount = options.Integer("val", 150);
        int cellsPerPhoto = options.Integer("cells", 256);
        int iterations = options.Integer("iterations", 5);
        int hidden = options.Integer("hidden", 64);
        int epochs = options.Integer("epochs", 4);
        float learningRate = options.Number("lr", 5e-4f);
        float weightDecay = options.Number("wd", 0.1f);
        int threads = options.Integer("threads", 2);
        int inputWidth = options.Integer("width", 128);
        int inputHeight = options.Integer("height", 160);
        Directory.CreateDirectory(Path.Combine(work, "teacher"));

        List<DatasetPhoto> train = MaskDataset.Sample(dataset.Training, trainCount, 17);
        List<DatasetPhoto> val = MaskDataset.Sample(dataset.Validation, valCount, 23);
        Console.WriteLine(
            $"Training photos {train.Count} of {dataset.Training.Count} from training senders; validation {val.Count} "
            + $"of {dataset.Validation.Count} from held-out senders; "
            + $"{dataset.Reference.Count} reference photos excluded.");

        TeacherLabels(dataset, train.Concat(val).ToList(), work, iterations, threads);
        if (options.Flag("teacher-only"))
        {
            return 0;
        }

        using ResNet18Backbone backbone = CreateBackbone(options.Integer("ort-threads", 0));
        CellSet trainCells = CachedCells(
            dataset, backbone, train, work, "train", cellsPerPhoto, threads, inputWidth, inputHeight);
        CellSet valCells = CachedCells(
            dataset, backbone, val, work, "val", 0, threads, inputWidth, inputHeight);

        StringBuilder log = new();
        MaskHead head = Train(trainCells, valCells, hidden, epochs, learningRate, weightDecay, log);
        head = new MaskHead(inputWidth, inputHeight, head.Inputs, head.Hidden, head.Mean, head.Scale,
            head.Weights1, head.Bias1, head.Weights2, head.Bias2);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        head.Save(output);
        Console.WriteLine($"Wrote {output} ({new FileInfo(output).Length / 1024} KiB)");

        string summary = Path.Combine(work, "train-summary.md");
        string command = "dotnet run --project FashionListing.Tools -c Release -- mask-train " + string.Join(' ', args);
        File.WriteAllText(summary, string.Create(CultureInfo.InvariantCulture,
            $"Command: `{command.Trim()}`\n\nTraining photos: {train.Count} (senders with id % 5 != 0), "
            + $"{trainCells.Count} sampled cells; validation photos: {val.Count} (senders with id % 5 == 0), "
            + $"{valCells.Count} cells. GrabCut teacher: {iterations} iterations, 320-px copy, 90% rectangle, "
            + $"largest region, holes filled.\nBackbone input {inputWidth}x{inputHeight}. "
            + $"Head: {MaskHeadFeatures.Length} inputs, {hidden} hidden, "
            + $"AdamW lr {learningRate}, weight decay {weightDecay}, {epochs} epochs.\n\n{log}"));

        return 0;
    }

    public static ResNet18Backbone CreateBackbone(int intraOpThreads)
    {
        IOptions<InferenceOptions> options = Options.Create(
            new InferenceOptions
            {
                ExecutionProvider = ExecutionProviderChoice.Cpu,
                IntraOpThreads = intraOpThreads,
            });

        return new ResNet18Backbone(
            options,
            new OnnxSessionFactory(options, NullLogger<OnnxSessionFactory>.Instance),
            NullLogger<ResNet18Backbone>.Instance);
    }

    public static string TeacherPath(string work, string image) => Path.Combine(work, "teacher", image + ".png");

    private static void TeacherLabels(
        MaskDataset dataset,
        List<DatasetPhoto> photos,
        string work,
        int iterations,
        int threads)
    {
        List<DatasetPhoto> missing = photos.Where(p => !File.Exists(TeacherPath(work, p.Image))).ToList();
        Console.WriteLine($"Teacher labels: {photos.Count - missing.Count} cached, {missing.Count} to make");
        Stopwatch clock = Stopwatch.StartNew();
        int done = 0;
        Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = threads }, photo =>
        {
            (byte[] mask, int w, int h) = GrabCutTeacher.Label(dataset.PhotoPath(photo.Image), iterations);
            string path = TeacherPath(work, photo.Image);
            MaskFiles.Write(path + ".tmp", mask, w, h);
            File.Move(path + ".tmp", path, overwrite: true);
            int n = Interlocked.Increment(ref done);
            if (n % 100 == 0)
            {
                Console.WriteLine($"  {n}/{missing.Count} in {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
    }

    /// <summary>Cell inputs and teacher fractions, standardised later; values kept as float.</summary>
    private sealed record CellSet(int Count, float[] Inputs, float[] Targets);

    private static CellSet CachedCells(
        MaskDataset dataset,
        ResNet18Backbone backbone,
        List<DatasetPhoto> photos,
        string work,
        string name,
        int cellsPerPhoto,
        int threads,
        int inputWidth,
        int inputHeight)
    {
        string path = Path.Combine(work, string.Create(
            CultureInfo.InvariantCulture,
            $"cells-{name}-{photos.Count}-{cellsPerPhoto}-{inputWidth}x{inputHeight}.bin"));
        int d = MaskHeadFeatures.Length;
        if (File.Exists(path))
        {
            using BinaryReader reader = new(File.OpenRead(path));
            int count = reader.ReadInt32();
            float[] inputs = new float[(long)count * d];
            float[] targets = new float[count];
            byte[] buffer = new byte[d * 2];
            for (int s = 0; s < count; s++)
            {
                targets[s] = reader.ReadSingle();
                reader.BaseStream.ReadExactly(buffer);
                for (int i = 0; i < d; i++)
                {
                    inputs[((long)s * d) + i] = (float)BitConverter.ToHalf(buffer, i * 2);
                }
            }

            Console.WriteLine($"Loaded {count} {name} cells from {path}");

            return new CellSet(count, inputs, targets);
        }

        Stopwatch clock = Stopwatch.StartNew();
        (float[] Cells, float[] Targets)[] perPhoto = new (float[], float[])[photos.Count];
        int done = 0;
        Parallel.For(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, index =>
        {
            DatasetPhoto photo = photos[index];
            using SKBitmap bitmap = SKBitmap.Decode(dataset.PhotoPath(photo.Image));
            (int iw, int ih) = MaskHeadFeatures.InputSize(bitmap.Width, bitmap.Height, inputWidth, inputHeight);
            SKRectI whole = new(0, 0, bitmap.Width, bitmap.Height);
            BackboneFeatures features = backbone.Extract(bitmap, whole, iw, ih);
            int gw = features.Stage2.Width;
            int gh = features.Stage2.Height;
            using SKBitmap colours = MaskHeadFeatures.CellColours(bitmap, gw, gh);
            float[] cells = MaskHeadFeatures.Build(features, colours);
            (byte[] teacher, int tw, int th) = MaskFiles.Read(TeacherPath(work, photo.Image));
            float[] fractions = CellFractions(teacher, tw, th, gw, gh);
            perPhoto[index] = Select(cells, fractions, cellsPerPhoto, index);
            int n = Interlocked.Increment(ref done);
            if (n % 200 == 0)
            {
                Console.WriteLine($"  features {n}/{photos.Count} in {clock.Elapsed.TotalSeconds:F0} s");
            }
        });

        int total = perPhoto.Sum(p => p.Targets.Length);
        float[] allInputs = new float[(long)total * d];
        float[] allTargets = new float[total];
        using (BinaryWriter writer = new(File.Create(path + ".tmp")))
        {
            writer.Write(total);
            int s = 0;
            byte[] buffer = new byte[d * 2];
            foreach ((float[] cells, float[] targets) in perPhoto)
            {
                for (int c = 0; c < targets.Length; c++, s++)
                {
                    allTargets[s] = targets[c];
                    writer.Write(targets[c]);
                    for (int i = 0; i < d; i++)
                    {
                        Half value = (Half)cells[(c * d) + i];
                        allInputs[((long)s * d) + i] = (float)value;
                        BitConverter.TryWriteBytes(buffer.AsSpan(i * 2), value);
                    }

                    writer.Write(buffer);
                }
            }
        }

        File.Move(path + ".tmp", path, overwrite: true);
        Console.WriteLine($"Cached {total} {name} cells in {path} ({clock.Elapsed.TotalSeconds:F0} s)");

        return new CellSet(total, allInputs, allTargets);
    }

    /// <summary>Fraction of teacher garment pixels in each grid cell.</summary>
    public static float[] CellFractions(byte[] mask, int width, int height, int gw, int gh)
    {
        float[] sums = new float[gw * gh];
        float[] counts = new float[gw * gh];
        for (int y = 0; y < height; y++)
        {
            int cy = Math.Min(gh - 1, y * gh / height);
            for (int x = 0; x < width; x++)
            {
                int cx = Math.Min(gw - 1, x * gw / width);
                sums[(cy * gw) + cx] += mask[(y * width) + x];
                counts[(cy * gw) + cx] += 1;
            }
        }

        for (int i = 0; i < sums.Length; i++)
        {
            sums[i] = counts[i] > 0 ? sums[i] / counts[i] : 0;
        }

        return sums;
    }

    // All cells on the teacher's boundary are kept (they teach the edge), then random others.
    private static (float[] Cells, float[] Targets) Select(float[] cells, float[] fractions, int limit, int seed)
    {
        int d = MaskHeadFeatures.Length;
        if (limit <= 0 || limit >= fractions.Length)
        {
            return (cells, fractions);
        }

        Random random = new(seed);
        List<int> mixed = [];
        List<int> pure = [];
        for (int i = 0; i < fractions.Length; i++)
        {
            (fractions[i] is > 0.02f and < 0.98f ? mixed : pure).Add(i);
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mixed));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pure));
        List<int> chosen = mixed.Take(limit / 2).Concat(pure).Take(limit).ToList();
        float[] selectedCells = new float[chosen.Count * d];
        float[] selectedTargets = new float[chosen.Count];
        for (int k = 0; k < chosen.Count; k++)
        {
            Array.Copy(cells, chosen[k] * d, selectedCells, k * d, d);
            selectedTargets[k] = fractions[chosen[k]];
        }

        return (selectedCells, selectedTargets);
    }

    private static MaskHead Train(
        CellSet train,
        CellSet val,
        int hidden,
        int epochs,
        float learningRate,
        float weightDecay,
        StringBuilder log)
    {
        int d = MaskHeadFeatures.Length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            double square = 0;
            for (long s = 0; s < train.Count; s++)
            {
                double v = train.Inputs[(s * d) + i];
                sum += v;
                square += v * v;
            }

            double m = sum / train.Count;
            double variance = Math.Max(0, (square / train.Count) - (m * m));
            mean[i] = (float)m;
            scale[i] = (float)(1.0 / (Math.Sqrt(variance) + 1e-3));
        }

        Standardise(train, mean, scale);
        Standardise(val, mean, scale);

        Random random = new(5);
        float[] w1 = new float[hidden * d];
        float[] b1 = new float[hidden];
        float[] w2 = new float[hidden];
        float b2 = 0;
        for (int i = 0; i < w1.Length; i++)
        {
            w1[i] = (float)(Gaussian(random) * Math.Sqrt(2.0 / d));
        }

        for (int h = 0; h < hidden; h++)
        {
            w2[h] = (float)(Gaussian(random) * Math.Sqrt(1.0 / hidden));
        }

        AdamW adam1 = new(w1.Length);
        AdamW adamB1 = new(hidden);
        AdamW adam2 = new(hidden);
        AdamW adamB2 = new(1);
        float[] g1 = new float[w1.Length];
        float[] gb1 = new float[hidden];
        float[] g2 = new float[hidden];
        float[] gb2 = new float[1];
        float[] z = new float[hidden];
        int batch = 256;
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        int steps = epochs * ((train.Count + batch - 1) / batch);
        int step = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            Stopwatch clock = Stopwatch.StartNew();
            random.Shuffle(order);
            double lossSum = 0;
            for (int start = 0; start < train.Count; start += batch)
            {
                int end = Math.Min(train.Count, start + batch);
                Array.Clear(g1);
                Array.Clear(gb1);
                Array.Clear(g2);
                gb2[0] = 0;
                for (int k = start; k < end; k++)
                {
                    int s = order[k];
                    ReadOnlySpan<float> x = train.Inputs.AsSpan((int)((long)s * d), d);
                    float output = b2;
                    for (int h = 0; h < hidden; h++)
                    {
                        z[h] = b1[h] + MaskHead.Dot(w1.AsSpan(h * d, d), x);
                        if (z[h] > 0)
                        {
                            output += w2[h] * z[h];
                        }
                    }

                    float t = train.Targets[s];
                    float p = 1f / (1f + MathF.Exp(-output));
                    lossSum += Bce(p, t);
                    float g = p - t;
                    gb2[0] += g;
                    for (int h = 0; h < hidden; h++)
                    {
                        if (z[h] > 0)
                        {
                            g2[h] += g * z[h];
                            float dh = g * w2[h];
                            gb1[h] += dh;
                            MaskHead.Axpy(dh, x, g1.AsSpan(h * d, d));
                        }
                    }
                }

                float rate = (float)(learningRate * 0.5 * (1 + Math.Cos(Math.PI * step / steps)));
                float inverse = 1f / (end - start);
                step++;
                adam1.Step(w1, g1, inverse, rate, weightDecay, step);
                adamB1.Step(b1, gb1, inverse, rate, 0, step);
                adam2.Step(w2, g2, inverse, rate, weightDecay, step);
                float[] b2Array = [b2];
                adamB2.Step(b2Array, gb2, inverse, rate, 0, step);
                b2 = b2Array[0];
            }

            (double valLoss, double valIoU) = Evaluate(val, w1, b1, w2, b2, hidden);
            string line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: train BCE {lossSum / train.Count:F4}, validation BCE {valLoss:F4}, "
                + $"validation cell IoU vs teacher {valIoU:F4} ({clock.Elapsed.TotalSeconds:F0} s)");
            Console.WriteLine(line);
            log.Append("- ").AppendLine(line);
        }

        return new MaskHead(0, 0, d, hidden, mean, scale, w1, b1, w2, b2);
    }

    private static (double Loss, double IoU) Evaluate(
        CellSet set,
        float[] w1,
        float[] b1,
        float[] w2,
        float b2,
        int hidden)
    {
        int d = MaskHeadFeatures.Length;
        double loss = 0;
        long intersection = 0;
        long union = 0;
        for (long s = 0; s < set.Count; s++)
        {
            ReadOnlySpan<float> x = set.Inputs.AsSpan((int)(s * d), d);
            float output = b2;
            for (int h = 0; h < hidden; h++)
            {
                float z = b1[h] + MaskHead.Dot(w1.AsSpan(h * d, d), x);
                if (z > 0)
                {
                    output += w2[h] * z;
                }
            }

            float p = 1f / (1f + MathF.Exp(-output));
            float t = set.Targets[s];
            loss += Bce(p, t);
            bool a = p > 0.5f;
            bool b = t > 0.5f;
            intersection += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }

        return (loss / set.Count, union == 0 ? 1 : (double)intersection / union);
    }

    private static double Bce(float p, float t)
    {
        double q = Math.Clamp(p, 1e-6, 1 - 1e-6);

        return -((t * Math.Log(q)) + ((1 - t) * Math.Log(1 - q)));
    }

    private static void Standardise(CellSet set, float[] mean, float[] scale)
    {
        int d = mean.Length;
        for (long s = 0; s < set.Count; s++)
        {
            for (int i = 0; i < d; i++)
            {
                long k = (s * d) + i;
                set.Inputs[k] = (set.Inputs[k] - mean[i]) * scale[i];
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class AdamW(int length)
    {
        private readonly float[] _m = new float[length];
        private readonly float[] _v = new float[length];

        public void Step(float[] weights, float[] gradients, float gradientScale, float rate, float decay, int step)
        {
            const float Beta1 = 0.9f;
            const float Beta2 = 0.999f;
            float correction1 = 1 - MathF.Pow(Beta1, step);
            float correction2 = 1 - MathF.Pow(Beta2, step);
            for (int i = 0; i < weights.Length; i++)
            {
                float g = gradients[i] * gradientScale;
                _m[i] = (Beta1 * _m[i]) + ((1 - Beta1) * g);
                _v[i] = (Beta2 * _v[i]) + ((1 - Beta2) * g * g);
                float update = _m[i] / correction1 / (MathF.Sqrt(_v[i] / correction2) + 1e-8f);
                weights[i] -= rate * (update + (decay * weights[i]));
            }
        }
    }
}
