using System.Globalization;
using System.Text;
using FashionListing.Web.Studies.Analysis;
using static FashionListing.Tests.Web.Studies.Analysis.StudyRecords;

namespace FashionListing.Tests.Web.Studies.Analysis;

public sealed class StudyCsvTests
{
    private const string Header = "participant,order,flow,position,started_utc,ended_utc,seconds,completed,included,"
        + "exclusion_reason,preference,sus_a,sus_b,field_edits,kept_suggestions\r\n";

    private static readonly ExclusionRule s_rule = new(null, 685.84, ExcludeSkipped: true);

    [Fact]
    public void WriteRows_OneParticipant_WritesTheHeaderAndOneRowPerTask()
    {
        var edits = new Dictionary<string, int> { ["Title"] = 2, ["Colour"] = 1 };
        ParticipantRecord participant = new(
            "P01",
            TaskOrder.AThenB,
            [
                new TaskRecord(StudyFlow.A, 1, StudyStart, StudyStart.AddSeconds(100.25), true, edits, []),
                new TaskRecord(
                    StudyFlow.B,
                    2,
                    StudyStart.AddMinutes(2),
                    StudyStart.AddMinutes(3),
                    true,
                    NoEdits,
                    ["Title", "Colour:navy"]),
            ],
            4,
            Neutral,
            Best);

        string csv = Write(writer => StudyCsv.WriteRows([participant], s_rule, writer));

        Assert.Equal(
            Header
            + "P01,AThenB,A,1,2026-05-04T09:00:00.0000000Z,2026-05-04T09:01:40.2500000Z,100.25,true,true,,4,50,100,"
            + "Colour=1;Title=2,\r\n"
            + "P01,AThenB,B,2,2026-05-04T09:02:00.0000000Z,2026-05-04T09:03:00.0000000Z,60,true,true,,4,50,100,,"
            + "Title;Colour:navy\r\n",
            csv);
    }

    [Fact]
    public void WriteRows_CodeWithCommaQuoteAndLineBreak_IsQuotedAndDoubled()
    {
        ParticipantRecord participant = new("P\"7\", room 2\nwest", TaskOrder.BThenA, [], null, null, null);

        string csv = Write(writer => StudyCsv.WriteRows([participant], s_rule, writer));

        Assert.Equal(Header + "\"P\"\"7\"\", room 2\nwest\",BThenA,,,,,,,false,never started,,,,,\r\n", csv);
    }

    [Fact]
    public void WriteRows_AwkwardTexts_ReadBackUnchanged()
    {
        // Read with an RFC 4180 reader written for this test: the fields must come back as they went in.
        var edits = new Dictionary<string, int> { ["Title, short"] = 1 };
        ParticipantRecord participant = new(
            "P\r\n\"08\"",
            TaskOrder.AThenB,
            [new TaskRecord(StudyFlow.A, 1, StudyStart, StudyStart.AddSeconds(5), true, edits, ["Size \"M\""])],
            null,
            null,
            null);

        string csv = Write(writer => StudyCsv.WriteRows([participant], new ExclusionRule(null, null, false), writer));
        List<List<string>> records = ReadCsv(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal(15, records[1].Count);
        Assert.Equal("P\r\n\"08\"", records[1][0]);
        Assert.Equal("Title, short=1", records[1][13]);
        Assert.Equal("Size \"M\"", records[1][14]);
    }

    [Fact]
    public void WriteRows_ExcludedParticipant_CarriesTheReason()
    {
        ParticipantRecord participant = Participant("P27", 0, TaskOrder.AThenB, 120.0, 700.0);

        string csv = Write(writer => StudyCsv.WriteRows([participant], s_rule, writer));
        List<List<string>> records = ReadCsv(csv);

        Assert.All(records.Skip(1), record => Assert.Equal("false", record[8]));
        Assert.All(
            records.Skip(1),
            record => Assert.Equal("took 700.0 s on the second task; the limit is 685.84 s", record[9]));
        Assert.Equal(["120", "700"], records.Skip(1).Select(record => record[6]));
    }

    [Fact]
    public void WriteRows_TextThatASpreadsheetWouldRun_IsPrefixedWithAnApostrophe()
    {
        ParticipantRecord participant = new("=HYPERLINK(\"x\")", TaskOrder.AThenB, [], null, null, null);

        string csv = Write(writer => StudyCsv.WriteRows([participant], s_rule, writer));

        Assert.StartsWith(Header + "\"'=HYPERLINK(\"\"x\"\")\",", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public void WriteRows_OtherFormulaStarts_ArePrefixedToo(string code)
    {
        ParticipantRecord participant = new(code, TaskOrder.AThenB, [], null, null, null);

        List<List<string>> records = ReadCsv(Write(writer => StudyCsv.WriteRows([participant], s_rule, writer)));

        Assert.Equal("'" + code, records[1][0]);
    }

    [Fact]
    public void WriteRows_FirstStudy_WritesOneRowPerTaskAndOneForTheParticipantWithout()
    {
        // 28 participants with two task records each and P29 with none: 56 + 1 rows after the header.
        List<ParticipantRecord> participants = StudyAnalysisFirstStudyTests.BuildStudy();

        List<List<string>> records = ReadCsv(Write(writer => StudyCsv.WriteRows(participants, s_rule, writer)));

        Assert.Equal(58, records.Count);
        Assert.All(records, record => Assert.Equal(StudyCsv.RowColumns.Count, record.Count));
        Assert.Equal(50, records.Count(record => record[8] == "true"));
        Assert.Equal(["P26", "P26"], records.Where(record => record[9] == "skipped the B task").Select(r => r[0]));
        Assert.Equal(3, records.Count(record => record[9] == "never started"));
    }

    [Fact]
    public void WriteSummary_FirstStudy_WritesEveryNumberAsSectionMeasureValue()
    {
        StudyResults results = StudyAnalysis.Analyse(StudyAnalysisFirstStudyTests.BuildStudy(), 52, s_rule);

        string csv = Write(writer => StudyCsv.WriteSummary(results, writer));
        List<List<string>> records = ReadCsv(csv);
        var values = records.Skip(1).ToDictionary(record => record[0] + "/" + record[1], record => record[2]);

        Assert.Equal(["section", "measure", "value"], records[0]);
        Assert.Equal("52", values["participants/invited"]);
        Assert.Equal("27", values["participants/started"]);
        Assert.Equal("0.5", values["participants/completion_rate"]);
        Assert.Equal("25", values["participants/included"]);
        Assert.Equal("took 700.0 s on the second task; the limit is 685.84 s", values["exclusion/P27"]);
        Assert.Equal(109.0, double.Parse(values["flow_a_seconds/mean"], CultureInfo.InvariantCulture), 1e-7);
        Assert.Equal("", values["flow_a_seconds/modes"]);
        Assert.Equal("38;55;61", values["flow_b_seconds/modes"]);
        Assert.Equal("24", values["paired_t_b_minus_a/df"]);
        Assert.Equal("exact", values["wilcoxon_b_minus_a/method"]);
        Assert.Equal("18", values["wilcoxon_b_minus_a/w_plus"]);
        Assert.Equal("10", values["preference_counts/4"]);
        Assert.Equal("3.8", values["preference/mean"]);
        Assert.Equal("12.5", values["sus_b/sd"]);
        Assert.True(values.ContainsKey("order_welch_a_first_minus_b_first/p_two_sided"));
    }

    [Fact]
    public void WriteSummary_OneParticipant_WritesUndefinedNumbersAsEmptyFields()
    {
        StudyResults results = StudyAnalysis.Analyse([Participant("P01", 0, TaskOrder.AThenB, 100.0, 60.0)], 1, s_rule);

        string csv = Write(writer => StudyCsv.WriteSummary(results, writer));

        Assert.Contains("\r\nflow_a_seconds,sd,\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nflow_a_seconds,mean,100\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("paired_t", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    [InlineData("", "")]
    public void Field_SpecialCharacters_AreQuotedPerRfc4180(string value, string expected)
    {
        Assert.Equal(expected, StudyCsv.Field(value));
    }

    private static string Write(Action<TextWriter> write)
    {
        using var writer = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        write(writer);

        return writer.ToString();
    }

    // A strict RFC 4180 reader: records end with CRLF outside quotes; inside quotes anything goes and "" is a quote.
    private static List<List<string>> ReadCsv(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.Equal(0, field.Length);
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                Assert.Equal('\n', csv[i + 1]);
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.NotEqual('\n', c);
                field.Append(c);
            }
        }

        Assert.False(quoted);
        Assert.Empty(record);

        return records;
    }
}
