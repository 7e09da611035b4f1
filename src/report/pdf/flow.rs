//! Where each block falls on the pages, from heights alone: no font or drawing here, so the
//! rules (a table's header row again on each page it continues on, no row split, no heading
//! left alone at a page's foot) are tested with plain numbers.

/// A block as pagination sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// Space above the block, dropped at the top of a page.
    pub before: f32,
    /// Drawn once, above the first row (a table's caption).
    pub lead: f32,
    /// Drawn above the rows on every page the block is on (a table's header row).
    pub repeat: f32,
    /// Units never split across pages: a table's rows, or one whole paragraph.
    pub rows: Vec<f32>,
    /// Space below the block.
    pub after: f32,
    /// Kept on the same page as the start of the next block (headings).
    pub keep_with_next: bool,
}

impl Measured {
    /// A block that is one unbreakable piece of `height`.
    pub fn single(before: f32, height: f32, after: f32, keep_with_next: bool) -> Measured {
        Measured {
            before,
            lead: 0.0,
            repeat: 0.0,
            rows: vec![height],
            after,
            keep_with_next,
        }
    }

    /// The least height the block's start takes: a short table whole, a longer one its
    /// lead, header and first rows (a lone row under a caption reads as a stray).
    fn start(&self) -> f32 {
        let rows = if self.rows.len() <= KEEP_WHOLE {
            self.rows.len()
        } else {
            KEEP_AT_START
        };
        self.lead + self.repeat + self.rows[..rows].iter().sum::<f32>()
    }
}

/// Tables of at most this many rows are not split.
const KEEP_WHOLE: usize = 6;
/// A longer table starts on a page only with at least this many rows.
const KEEP_AT_START: usize = 3;

/// Part of one block placed on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub block: usize,
    /// Top of the slice, from the top of the content area.
    pub y: f32,
    /// Whether the lead is drawn (the block's first slice).
    pub lead: bool,
    /// The rows on this page.
    pub rows: std::ops::Range<usize>,
}

/// The slices on each page, for a content area `height` tall.
pub fn paginate(blocks: &[Measured], height: f32) -> Vec<Vec<Slice>> {
    let mut pages: Vec<Vec<Slice>> = vec![Vec::new()];
    let mut y = 0.0_f32;
    for (index, block) in blocks.iter().enumerate() {
        let needed = block.before + kept_start(blocks, index);
        // Only move when the start would fit on an empty page; otherwise moving cannot help.
        if y > 0.0 && y + needed > height && needed - block.before <= height {
            pages.push(Vec::new());
            y = 0.0;
        }
        if y > 0.0 {
            y += block.before;
        }
        let mut slice = Slice {
            block: index,
            y,
            lead: true,
            rows: 0..0,
        };
        y += block.lead + block.repeat;
        for (row, &row_height) in block.rows.iter().enumerate() {
            let has_rows = !slice.rows.is_empty();
            if has_rows && y + row_height > height {
                // The last row alone on a page reads as a stray: take one more along.
                let widow = row + 1 == block.rows.len() && slice.rows.len() >= KEEP_AT_START;
                let next_start = if widow { row - 1 } else { row };
                slice.rows.end = next_start;
                pages.last_mut().expect("a page").push(slice);
                pages.push(Vec::new());
                slice = Slice {
                    block: index,
                    y: 0.0,
                    lead: false,
                    rows: next_start..next_start,
                };
                y = block.repeat + block.rows[next_start..row].iter().sum::<f32>();
            }
            slice.rows.end = row + 1;
            y += row_height;
        }
        pages.last_mut().expect("a page").push(slice);
        y += block.after;
    }
    pages
}

/// The height from the start of block `index` to the first row of the first block after it
/// that is not kept with its next: a heading takes the start of what follows along.
fn kept_start(blocks: &[Measured], index: usize) -> f32 {
    let block = &blocks[index];
    let whole: f32 = block.lead + block.repeat + block.rows.iter().sum::<f32>() + block.after;
    match blocks.get(index + 1) {
        Some(next) if block.keep_with_next => whole + next.before + kept_start(blocks, index + 1),
        _ => block.start(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: usize) -> Measured {
        Measured {
            before: 0.0,
            lead: 12.0,
            repeat: 15.0,
            rows: vec![10.0; rows],
            after: 5.0,
            keep_with_next: false,
        }
    }

    #[test]
    fn a_long_table_continues_with_its_header_on_the_next_page() {
        let pages = paginate(&[table(30)], 200.0);
        assert!(pages.len() >= 2, "{pages:?}");
        // First page: caption + header + rows up to 200.
        assert_eq!(pages[0][0].rows, 0..17);
        assert!(pages[0][0].lead);
        // The next page starts with the header again (rows placed below it) and no caption.
        assert!(!pages[1][0].lead);
        assert_eq!(pages[1][0].rows.start, 17);
        let all: usize = pages.iter().flatten().map(|s| s.rows.len()).sum();
        assert_eq!(all, 30, "every row exactly once");
        // No page holds more than fits with its header repeated.
        for page in &pages[1..] {
            let rows = page[0].rows.len() as f32;
            assert!(15.0 + rows * 10.0 <= 200.0);
        }
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let paragraph = Measured::single(0.0, 150.0, 5.0, false);
        let heading = Measured::single(10.0, 20.0, 4.0, true);
        let after = Measured::single(0.0, 40.0, 5.0, false);
        // The heading itself fits below the first paragraph, the paragraph after it does not.
        let pages = paginate(&[paragraph, heading, after], 200.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 1);
        assert_eq!(pages[1][0].block, 1);
        assert_eq!(
            pages[1][0].y, 0.0,
            "space above a heading is dropped at a page top"
        );
        assert_eq!(pages[1][1].block, 2);
    }

    #[test]
    fn two_headings_in_a_row_go_with_the_table_after_them() {
        let paragraph = Measured::single(0.0, 120.0, 5.0, false);
        let h2 = Measured::single(10.0, 20.0, 4.0, true);
        let h3 = Measured::single(8.0, 16.0, 4.0, true);
        let pages = paginate(&[paragraph, h2, h3, table(3)], 200.0);
        // h2 and h3 would fit (120+5+10+24+8+20 = 187) but the table's start would not.
        assert_eq!(pages.len(), 2);
        let blocks: Vec<usize> = pages[1].iter().map(|s| s.block).collect();
        assert_eq!(blocks, vec![1, 2, 3]);
    }

    #[test]
    fn a_short_table_is_not_split_but_moves_whole() {
        let paragraph = Measured::single(0.0, 150.0, 5.0, false);
        let pages = paginate(&[paragraph, table(4)], 200.0);
        // 155 + 27 + 10 fits the first row, but the four rows go together to the next page.
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1][0].rows, 0..4);
        assert!(pages[1][0].lead, "with its caption");
    }

    #[test]
    fn the_last_row_of_a_table_does_not_go_alone_to_a_new_page() {
        // Caption and header 27, then 17 rows fit in 200: 18 rows leave the 18th alone.
        let pages = paginate(&[table(18)], 200.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0][0].rows, 0..16);
        assert_eq!(pages[1][0].rows, 16..18);
    }

    #[test]
    fn a_block_taller_than_a_page_is_placed_rather_than_lost() {
        let huge = Measured::single(0.0, 500.0, 0.0, false);
        let pages = paginate(&[Measured::single(0.0, 50.0, 0.0, false), huge], 200.0);
        let placed: Vec<usize> = pages.iter().flatten().map(|s| s.block).collect();
        assert_eq!(placed, vec![0, 1]);
    }
}
