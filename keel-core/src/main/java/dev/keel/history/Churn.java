package dev.keel.history;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * How the project's Python files changed, commit by commit, as {@code git log --no-merges} over a
 * window shows it: for each commit the files it touched and the line ranges it wrote in each (the
 * new side of each diff hunk), so churn can be counted per file and mapped onto def spans.
 */
public final class Churn {
  /**
   * One file a commit changed.
   *
   * @param path relative to the project folder, as the file is named at that commit
   * @param blob the file's content at that commit (absent when the commit deleted it)
   * @param ranges 1-based inclusive line ranges {@code [first, last]} of the new side that the
   *     commit wrote; a pure deletion is the line where it happened
   */
  public record FileChange(String path, String blob, List<int[]> ranges) {}

  /** One commit and what it changed. */
  public record CommitChange(GitRepository.Commit commit, String author, List<FileChange> files) {}

  private Churn() {}

  /**
   * The non-merge commits reachable from HEAD made at or after {@code since}, newest first, at most
   * {@code limit}; each with the Python files it changed under the project folder.
   */
  public static List<CommitChange> of(GitRepository git, Instant since, int limit) {
    Repository repo = git.repository();
    String prefix = git.projectPrefix();
    List<CommitChange> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader();
        DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      df.setRepository(repo);
      df.setDiffComparator(RawTextComparator.DEFAULT);
      TreeFilter python =
          OrTreeFilter.create(PathSuffixFilter.create(".py"), PathSuffixFilter.create(".pyi"));
      df.setPathFilter(
          prefix.isEmpty() ? python : AndTreeFilter.create(PathFilter.create(prefix), python));
      ObjectId head = repo.resolve(Constants.HEAD);
      if (head == null) {
        return out;
      }
      walk.markStart(walk.parseCommit(head));
      for (RevCommit c : walk) {
        if (Instant.ofEpochSecond(c.getCommitTime()).isBefore(since) || out.size() >= limit) {
          break;
        }
        if (c.getParentCount() > 1) {
          continue;
        }
        List<DiffEntry> entries;
        if (c.getParentCount() == 0) {
          CanonicalTreeParser now = new CanonicalTreeParser(null, reader, c.getTree());
          entries = df.scan(new EmptyTreeIterator(), now);
        } else {
          RevCommit parent;
          try {
            parent = walk.parseCommit(c.getParent(0));
          } catch (org.eclipse.jgit.errors.MissingObjectException shallowEdge) {
            break;
          }
          entries = df.scan(parent.getTree(), c.getTree());
        }
        List<FileChange> files = new ArrayList<>();
        for (DiffEntry e : entries) {
          if (e.getChangeType() == DiffEntry.ChangeType.DELETE) {
            continue;
          }
          List<int[]> ranges = new ArrayList<>();
          for (Edit edit : df.toFileHeader(e).toEditList()) {
            int first = edit.getBeginB() + 1;
            int last = Math.max(first, edit.getEndB());
            ranges.add(new int[] {first, last});
          }
          String path = e.getNewPath();
          String local = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
          files.add(new FileChange(local, e.getNewId().name(), ranges));
        }
        out.add(
            new CommitChange(
                new GitRepository.Commit(
                    c.getName(), Instant.ofEpochSecond(c.getCommitTime()), c.getShortMessage()),
                c.getAuthorIdent().getEmailAddress(),
                files));
      }
    } catch (IOException e) {
      throw new HistoryException("cannot read the history: " + e.getMessage());
    }
    return out;
  }

  /** The content of blob {@code id}. */
  public static byte[] blob(GitRepository git, String id) {
    try (ObjectReader reader = git.repository().newObjectReader()) {
      return reader.open(ObjectId.fromString(id), Constants.OBJ_BLOB).getCachedBytes(64 << 20);
    } catch (IOException e) {
      throw new HistoryException("cannot read blob " + id + ": " + e.getMessage());
    }
  }
}
