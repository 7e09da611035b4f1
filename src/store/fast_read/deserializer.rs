//! The serde half of the fast reader: `Deserializer`, `SeqAccess`, `MapAccess`, `EnumAccess`
//! and `VariantAccess` for the scanner's `Reader`.
//!
//! Each method here maps what serde asks for onto one form the scanner reads (an integer, a
//! float, a string, a delimited group of items) and gives up on everything the writer never
//! produces. No text rules live here, so the subset the reader accepts is decided entirely
//! in `scanner`, and this file only has to follow serde's protocol.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::scanner::Reader;
use super::{Result, Unsupported};

/// The items of a list, tuple, map or struct: comma-separated, a trailing comma allowed.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
    /// Struct fields are named by identifiers; map keys are values.
    fields: bool,
}

impl<'de> Reader<'de> {
    /// Reads `open … close` and hands its items to `visit`; `fields` when they are written
    /// `name: value` (a struct) rather than as values or `key: value` pairs.
    fn items<T>(
        &mut self,
        open: u8,
        close: u8,
        fields: bool,
        visit: impl FnOnce(Items<'_, 'de>) -> Result<T>,
    ) -> Result<T> {
        self.delimited(open, close, |reader| {
            visit(Items {
                reader,
                close,
                first: true,
                fields,
            })
        })
    }
}

impl Items<'_, '_> {
    fn has_next(&mut self) -> Result<bool> {
        self.reader.skip_ws();
        if self.reader.peek() == Some(self.close) {
            return Ok(false);
        }
        if !self.first {
            self.reader.consume_byte(b',')?;
            self.reader.skip_ws();
            if self.reader.peek() == Some(self.close) {
                return Ok(false);
            }
        }
        self.first = false;
        Ok(true)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Unsupported;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_next()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_next()? {
            return Ok(None);
        }
        if self.fields {
            let name = self.reader.identifier()?;
            seed.deserialize(de::value::BorrowedStrDeserializer::new(name))
                .map(Some)
        } else {
            seed.deserialize(&mut *self.reader).map(Some)
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_ws();
        self.reader.consume_byte(b':')?;
        self.reader.skip_ws();
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Unsupported;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Unsupported;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(Unsupported)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.skip_ws();
        self.items(b'(', b')', true, |items| visitor.visit_map(items))
    }
}

macro_rules! signed {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let value: i64 = self.integer_text()?.parse().map_err(|_| Unsupported)?;
            visitor.visit_i64(value)
        }
    )*};
}

macro_rules! unsigned {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            if self.peek() == Some(b'-') {
                return Err(Unsupported);
            }
            let value: u64 = self.integer_text()?.parse().map_err(|_| Unsupported)?;
            visitor.visit_u64(value)
        }
    )*};
}

macro_rules! unsupported {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(Unsupported)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Unsupported;

    signed!(
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64
    );
    unsigned!(
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64
    );
    unsupported!(
        deserialize_any,
        deserialize_ignored_any,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.keyword("true") {
            visitor.visit_bool(true)
        } else if self.keyword("false") {
            visitor.visit_bool(false)
        } else {
            Err(Unsupported)
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        // RON parses f32 text as f32 directly; reading it as f64 could round differently.
        Err(Unsupported)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.keyword("None") {
            return visitor.visit_none();
        }
        if !self.keyword("Some") {
            return Err(Unsupported);
        }
        self.skip_ws();
        self.delimited(b'(', b')', |reader| {
            reader.skip_ws();
            visitor.visit_some(&mut *reader)
        })
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.consume_byte(b'(')?;
        self.skip_ws();
        self.consume_byte(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.items(b'[', b']', false, |items| visitor.visit_seq(items))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.items(b'(', b')', false, |items| visitor.visit_seq(items))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.items(b'{', b'}', false, |items| visitor.visit_map(items))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.items(b'(', b')', true, |items| visitor.visit_map(items))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_enum(&mut *self)?;
        self.leave();
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let name = self.identifier()?;
        visitor.visit_borrowed_str(name)
    }
}
