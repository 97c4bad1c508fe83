    #[test]
    fn fill_puts_each_value_in_its_placeholder_in_either_order() {
        let months = 72;
        assert_eq!(fill("vintage {months} months", &[("months", &months)]), "vintage 72 months");
        assert_eq!(fill("{b} 大于 {a}", &[("a", &1), ("b", &2)]), "2 大于 1");
        // A placeholder without a value stays visible rather than vanishing.
        assert_eq!(fill("{a} and {missing}", &[("a", &"x")]), "x and {missing}");
        assert_eq!(fill("no placeholder", &[]), "no placeholder");
    }

    #[test]
    fn tr_fills_a_catalogue_message_in_the_chosen_language() {
        let template = msg::share::DECODE_THE_LINK_IS_IN_VERSION.get(Lang::En);
        assert!(template.contains("{shown}"), "{template}");
        let shown = "9";
        let en = crate::tr!(Lang::En, msg::share::DECODE_THE_LINK_IS_IN_VERSION, shown, VERSION = 1);
        let zh = crate::tr!(Lang::Zh, msg::share::DECODE_THE_LINK_IS_IN_VERSION, shown, VERSION = 1);
        assert!(en.contains("\"9\"") && en.ends_with("version 1") && !en.contains('{'), "{en}");
        assert!(zh.contains("\"9\"") && zh.contains("版本") && !zh.contains('{'), "{zh}");
    }

    #[test]
    fn every_message_has_a_key_and_words_in_both_languages() {
        assert!(Text::all().count() > 500);
        for message in Text::all() {
            assert!(message.key().contains('.'), "{}", message.key());
            let empty_allowed = message.key().ends_with("empty") || message.key().ends_with("separator");
            for lang in [Lang::En, Lang::Zh] {
                assert!(empty_allowed || !message.get(lang).trim().is_empty(), "{} {lang:?}", message.key());
            }
        }
    }

